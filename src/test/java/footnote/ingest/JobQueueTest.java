package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Scope;
import footnote.ingest.JobQueue.Job;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobQueueTest {

    private final List<String> finished = new CopyOnWriteArrayList<>();

    @Test
    void runs_one_job_at_a_time_and_lists_the_running_one_first() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(job -> finished.add(job.description()))) {
            CompletableFuture<String> first = queue.submit(new Job(Scope.server("1"), "a", "Adding a"), () -> {
                started.countDown();
                await(release);
                return "a done";
            });
            CompletableFuture<String> second = queue.submit(new Job(Scope.server("1"), "b", "Adding b"), () -> "b done");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(queue.pending()).extracting(Job::description).containsExactly("Adding a", "Adding b");
            assertThat(queue.busyWith("b")).isTrue();
            assertThat(second).isNotDone();

            release.countDown();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("b done");
            assertThat(first.join()).isEqualTo("a done");
            assertThat(queue.pending()).isEmpty();
            assertThat(queue.busyWith("a")).isFalse();
            assertThat(finished).containsExactly("Adding a", "Adding b");
        }
    }

    @Test
    void two_equal_jobs_both_count_until_both_have_run() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(job -> finished.add(job.sourceId()))) {
            Job refresh = new Job(Scope.GLOBAL, "a", "Refreshing a");
            CompletableFuture<Object> first = queue.submit(refresh, () -> {
                await(release);
                return null;
            });
            CompletableFuture<Object> second = queue.submit(refresh, () -> null);

            assertThat(queue.pending()).hasSize(2);
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(queue.pending()).isEmpty();
            assertThat(finished).containsExactly("a", "a");
        }
    }

    @Test
    void a_job_asked_for_runs_before_background_jobs_still_waiting_and_idle_waits_for_all() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(job -> finished.add(job.description()))) {
            queue.submitInBackground(new Job(Scope.GLOBAL, "p", "Polling p"), () -> {
                started.countDown();
                await(release);
                return null;
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            queue.submitInBackground(new Job(Scope.GLOBAL, "q", "Polling q"), () -> null);
            queue.submit(new Job(Scope.server("1"), "a", "Adding a"), () -> null);

            assertThat(queue.pending()).extracting(Job::description)
                    .containsExactly("Polling p", "Adding a", "Polling q");
            release.countDown();
            queue.awaitIdle();
            assertThat(finished).containsExactly("Polling p", "Adding a", "Polling q", "waiting");
        }
    }

    @Test
    void a_job_that_throws_fails_its_own_future_and_the_next_job_runs() throws Exception {
        try (JobQueue queue = new JobQueue(job -> finished.add(job.description()))) {
            CompletableFuture<String> failing = queue.submit(new Job(Scope.GLOBAL, "a", "Adding a"), () -> {
                throw new IllegalStateException("broken");
            });
            CompletableFuture<String> next = queue.submit(new Job(Scope.GLOBAL, "b", "Adding b"), () -> "b done");

            assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("b done");
            assertThat(failing).isCompletedExceptionally();
            assertThat(queue.busyWith("a")).isFalse();
        }
    }

    @Test
    void a_job_is_no_longer_pending_when_its_result_arrives() throws Exception {
        try (JobQueue queue = new JobQueue(job -> finished.add(job.description()))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> stillListed = queue.submit(new Job(Scope.GLOBAL, "a", "Adding a"), () -> {
                await(release);
                return "a done";
            }).thenApply(done -> queue.busyWith("a") || !finished.contains("Adding a"));
            release.countDown();

            assertThat(stillListed.get(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
