package footnote.ingest;

import footnote.corpus.Scope;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Source work, one job at a time on one thread (the index has one writer, and sources must not race each other),
 * and what is running and queued, for the status command. A moderator's job runs before any background job still
 * waiting (feed polls, start-up retries), so work nobody asked for just now never keeps a moderator waiting longer
 * than the job already running. Its monitor guards the lists of jobs, so a caller that must decide something
 * atomically with a job's end synchronises on the queue.
 */
final class JobQueue implements AutoCloseable {

    /** A piece of source work, described for people. */
    record Job(Scope scope, String sourceId, String description) {}

    /** A job with its work and its result; compared by identity, since two equal jobs may wait at once. */
    private static final class Entry<T> {
        final Job job;
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Entry(Job job, Supplier<T> work) {
            this.job = job;
            this.work = work;
        }

        /** Runs the work, then {@code ended}, and only then completes the result: a caller woken by it sees the job gone. */
        void run(Runnable ended) {
            T value;
            try {
                value = work.get();
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
    private final Deque<Entry<?>> asked = new ArrayDeque<>();
    private final Deque<Entry<?>> background = new ArrayDeque<>();
    private Optional<Entry<?>> running = Optional.empty();
    /** When the running job started ({@link System#nanoTime()}); only the worker thread writes it. */
    private volatile long runningSince = System.nanoTime();
    private final Consumer<Job> finished;

    /** @param finished told of each job that ends, while the queue's monitor is held */
    JobQueue(Consumer<Job> finished) {
        this.finished = finished;
    }

    /** Queues a job someone asked for: it runs after the running job and the other asked-for jobs. */
    <T> CompletableFuture<T> submit(Job job, Supplier<T> work) {
        return enqueue(job, work, asked);
    }

    /** Queues a job nobody waits for: it runs when no asked-for job is waiting. */
    <T> CompletableFuture<T> submitInBackground(Job job, Supplier<T> work) {
        return enqueue(job, work, background);
    }

    private <T> CompletableFuture<T> enqueue(Job job, Supplier<T> work, Deque<Entry<?>> line) {
        Entry<T> entry = new Entry<>(job, work);
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
        runningSince = System.nanoTime();
        entry.run(() -> {
            synchronized (this) {
                running = Optional.empty();
                finished.accept(entry.job);
            }
        });
    }

    /** Whether the job now running has run longer than {@code limit}: asked from within the job. */
    boolean overdue(Duration limit) {
        return System.nanoTime() - runningSince > limit.toNanos();
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
        submitInBackground(new Job(Scope.GLOBAL, "", "waiting"), () -> null).join();
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
