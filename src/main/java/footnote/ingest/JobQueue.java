package footnote.ingest;

import footnote.corpus.Scope;
import footnote.corpus.SourceActivity;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Source work, one job at a time on one thread (the index has one writer, and sources must not race each other),
 * what is running and queued, for the status command, and the one owner of stopping a job: each job has a
 * {@link Token} that turns when its source is removed ({@link #cancel}) or its time is up. A moderator's job runs
 * before any background job still waiting (feed polls, start-up retries), so work nobody asked for just now never
 * keeps a moderator waiting longer than the job already running.
 */
final class JobQueue implements AutoCloseable {

    /** A piece of source work: on which source, and what it does. */
    record Job(Scope scope, String sourceId, SourceActivity activity) {}

    /** A job's cancellation token: removed by {@link #cancel}, or out of time once it has run {@code maxJob}. */
    static final class Token implements Cancellation {
        private final Duration maxJob;
        private volatile boolean removed;
        /** When the job started ({@link System#nanoTime()}); empty while it waits. */
        private volatile Optional<Long> started = Optional.empty();

        Token(Duration maxJob) {
            this.maxJob = maxJob;
        }

        @Override
        public Optional<Cancelled.Why> stopped() {
            if (removed) {
                return Optional.of(Cancelled.Why.REMOVED);
            }
            return started.filter(t -> System.nanoTime() - t > maxJob.toNanos()).map(t -> Cancelled.Why.TIME_UP);
        }

        /** Whether a removal in this process stopped the job (a removal elsewhere is learnt from the registry). */
        boolean removedHere() {
            return removed;
        }
    }

    /** A job with its token, work and result; compared by identity, since two equal jobs may wait at once. */
    private static final class Entry<T> {
        final Job job;
        final Token token;
        final Function<Token, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Entry(Job job, Token token, Function<Token, T> work) {
            this.job = job;
            this.token = token;
            this.work = work;
        }

        /** Runs the work, then {@code ended}, and only then completes the result: a caller woken by it sees the job gone. */
        void run(Runnable ended) {
            T value;
            try {
                value = work.apply(token);
            } catch (RuntimeException | Error e) {
                ended.run();
                result.completeExceptionally(e);
                return;
            }
            ended.run();
            result.complete(value);
        }
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "footnote-sources");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration maxJob;
    private final Deque<Entry<?>> asked = new ArrayDeque<>();
    private final Deque<Entry<?>> background = new ArrayDeque<>();
    private Optional<Entry<?>> running = Optional.empty();

    /** @param maxJob how long one job may run before its token says its time is up */
    JobQueue(Duration maxJob) {
        this.maxJob = maxJob;
    }

    /** Queues a job someone asked for: it runs after the running job and the other asked-for jobs. */
    <T> CompletableFuture<T> submit(Job job, Function<Token, T> work) {
        return enqueue(job, work, asked);
    }

    /** Queues a job nobody waits for: it runs when no asked-for job is waiting. */
    <T> CompletableFuture<T> submitInBackground(Job job, Function<Token, T> work) {
        return enqueue(job, work, background);
    }

    private <T> CompletableFuture<T> enqueue(Job job, Function<Token, T> work, Deque<Entry<?>> line) {
        Entry<T> entry = new Entry<>(job, new Token(maxJob), work);
        synchronized (this) {
            line.add(entry);
        }
        worker.execute(this::runNext); // one turn per entry: each turn runs whichever entry is first in line
        return entry.result;
    }

    private void runNext() {
        Entry<?> entry;
        synchronized (this) {
            entry = asked.isEmpty() ? background.remove() : asked.remove();
            running = Optional.of(entry);
        }
        entry.token.started = Optional.of(System.nanoTime());
        entry.run(() -> {
            synchronized (this) {
                running = Optional.empty();
            }
        });
    }

    /**
     * Tells every job on this source, running or waiting, to stop: each stops at its next check, and one that has
     * not started stops before it does anything.
     */
    synchronized void cancel(String sourceId) {
        running.filter(e -> e.job.sourceId().equals(sourceId)).ifPresent(e -> e.token.removed = true);
        for (Deque<Entry<?>> line : List.of(asked, background)) {
            line.stream().filter(e -> e.job.sourceId().equals(sourceId)).forEach(e -> e.token.removed = true);
        }
    }

    synchronized boolean busyWith(String sourceId) {
        return pending().stream().anyMatch(job -> job.sourceId().equals(sourceId));
    }

    /** Jobs not yet finished, in the order they will run: the running one first. */
    synchronized List<Job> pending() {
        List<Job> jobs = new ArrayList<>();
        running.ifPresent(entry -> jobs.add(entry.job));
        asked.forEach(entry -> jobs.add(entry.job));
        background.forEach(entry -> jobs.add(entry.job));
        return jobs;
    }

    /** Waits until every job queued so far has run. */
    void awaitIdle() {
        submitInBackground(new Job(Scope.GLOBAL, "", new SourceActivity(SourceActivity.Kind.POLLING, "")),
                token -> null).join(); // a marker job, never listed: it runs after everything queued before it
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
