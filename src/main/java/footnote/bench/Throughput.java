package footnote.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Answers a second with several askers at once, each taking the next question until all are answered. */
public final class Throughput {

    /** @param latency each answer's time, question in to answer out, under this load */
    public record Result(int askers, double answersPerSecond, Percentiles latency) {}

    private Throughput() {}

    public static Result measure(List<String> questions, int askers, Consumer<String> ask) {
        ExecutorService pool = Executors.newFixedThreadPool(askers);
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[questions.size()];
        CountDownLatch done = new CountDownLatch(askers);
        long start = System.nanoTime();
        for (int t = 0; t < askers; t++) {
            pool.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < questions.size(); i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        ask.accept(questions.get(i));
                        nanos[i] = System.nanoTime() - begin;
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } finally {
            pool.shutdown();
        }
        long wall = System.nanoTime() - start;
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(askers, questions.size() / (wall / 1e9), Percentiles.of(nanos));
    }
}
