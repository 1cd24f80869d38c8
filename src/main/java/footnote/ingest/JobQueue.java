package footnote.ingest;

import footnote.corpus.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Source work, one job at a time on one thread (the index has one writer, and sources must not race each other),
 * and what is running and queued, for the status command. Its monitor guards the list of jobs, so a caller that
 * must decide something atomically with a job's end synchronises on the queue.
 */
final class JobQueue implements AutoCloseable {

    /** A piece of source work, described for people. */
    record Job(Scope scope, String sourceId, String description) {}

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "footnote-sources");
        thread.setDaemon(true);
        return thread;
    });
    /** Jobs not yet finished, in order: the first is running. */
    private final List<Job> pending = new ArrayList<>();
    /** When the running job started ({@link System#nanoTime()}); only the worker thread writes it. */
    private volatile long runningSince = System.nanoTime();
    private final Consumer<Job> finished;

    /** @param finished told of each job that ends, while the queue's monitor is held */
    JobQueue(Consumer<Job> finished) {
        this.finished = finished;
    }

    <T> CompletableFuture<T> submit(Job job, Supplier<T> work) {
        synchronized (this) {
            pending.add(job);
        }
        return CompletableFuture.supplyAsync(() -> {
            runningSince = System.nanoTime();
            try {
                return work.get();
            } finally {
                synchronized (this) {
                    pending.remove(job);
                    finished.accept(job);
                }
            }
        }, worker);
    }

    /** Whether the job now running has run longer than {@code limit}: asked from within the job. */
    boolean overdue(Duration limit) {
        return System.nanoTime() - runningSince > limit.toNanos();
    }

    synchronized boolean busyWith(String sourceId) {
        return pending.stream().anyMatch(job -> job.sourceId().equals(sourceId));
    }

    synchronized List<Job> pending() {
        return List.copyOf(pending);
    }

    /** Waits until every job queued so far has run. */
    void awaitIdle() {
        submit(new Job(Scope.GLOBAL, "", "waiting"), () -> null).join();
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
