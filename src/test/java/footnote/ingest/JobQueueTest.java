package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Scope;
import footnote.corpus.SourceActivity;
import footnote.corpus.SourceActivity.Kind;
import footnote.ingest.JobQueue.Job;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobQueueTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void runs_one_job_at_a_time_and_lists_the_running_one_first() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            CompletableFuture<String> first = queue.submit(job(Scope.server("1"), "a", Kind.ADDING), token -> {
                started.countDown();
                await(release);
                return "a done";
            });
            CompletableFuture<String> second = queue.submit(job(Scope.server("1"), "b", Kind.ADDING),
                    token -> "b done");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(queue.pending()).extracting(job -> job.activity().kind() + " " + job.activity().subject())
                    .containsExactly("ADDING a", "ADDING b");
            assertThat(queue.busyWith("b")).isTrue();
            assertThat(second).isNotDone();

            release.countDown();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("b done");
            assertThat(first.join()).isEqualTo("a done");
            assertThat(queue.pending()).isEmpty();
            assertThat(queue.busyWith("a")).isFalse();
        }
    }

    @Test
    void two_equal_jobs_both_count_until_both_have_run() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            Job refresh = job(Scope.GLOBAL, "a", Kind.REFRESHING);
            CompletableFuture<Object> first = queue.submit(refresh, token -> {
                await(release);
                return null;
            });
            CompletableFuture<Object> second = queue.submit(refresh, token -> null);

            assertThat(queue.pending()).hasSize(2);
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(queue.pending()).isEmpty();
        }
    }

    @Test
    void a_job_asked_for_runs_before_background_jobs_still_waiting_and_idle_waits_for_all() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            queue.submitInBackground(job(Scope.GLOBAL, "p", Kind.POLLING), token -> {
                started.countDown();
                await(release);
                return ran.add("Polling p");
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            queue.submitInBackground(job(Scope.GLOBAL, "q", Kind.POLLING), token -> ran.add("Polling q"));
            queue.submit(job(Scope.server("1"), "a", Kind.ADDING), token -> ran.add("Adding a"));

            assertThat(queue.pending()).extracting(Job::sourceId).containsExactly("p", "a", "q");
            release.countDown();
            queue.awaitIdle();
            assertThat(ran).containsExactly("Polling p", "Adding a", "Polling q");
        }
    }

    @Test
    void a_job_that_throws_fails_its_own_future_and_the_next_job_runs() throws Exception {
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            CompletableFuture<String> failing = queue.submit(job(Scope.GLOBAL, "a", Kind.ADDING), token -> {
                throw new IllegalStateException("broken");
            });
            CompletableFuture<String> next = queue.submit(job(Scope.GLOBAL, "b", Kind.ADDING), token -> "b done");

            assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("b done");
            assertThat(failing).isCompletedExceptionally();
            assertThat(queue.busyWith("a")).isFalse();
        }
    }

    @Test
    void a_job_is_no_longer_pending_when_its_result_arrives() throws Exception {
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> stillListed = queue.submit(job(Scope.GLOBAL, "a", Kind.ADDING), token -> {
                await(release);
                return "a done";
            }).thenApply(done -> queue.busyWith("a"));
            release.countDown();

            assertThat(stillListed.get(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void cancelling_a_source_stops_its_running_job_and_its_waiting_ones_but_no_other() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(Duration.ofMinutes(1))) {
            CompletableFuture<Optional<Cancelled.Why>> running = queue.submit(job(Scope.GLOBAL, "a", Kind.ADDING),
                    token -> {
                        assertThat(token.stopped()).isEmpty();
                        started.countDown();
                        await(cancelled);
                        return token.stopped();
                    });
            CompletableFuture<Optional<Cancelled.Why>> waiting = queue.submit(job(Scope.GLOBAL, "a", Kind.REFRESHING),
                    JobQueue.Token::stopped);
            CompletableFuture<Optional<Cancelled.Why>> other = queue.submit(job(Scope.GLOBAL, "b", Kind.ADDING),
                    JobQueue.Token::stopped);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            queue.cancel("a");
            cancelled.countDown();

            assertThat(running.get(5, TimeUnit.SECONDS)).contains(Cancelled.Why.REMOVED);
            assertThat(waiting.get(5, TimeUnit.SECONDS)).contains(Cancelled.Why.REMOVED);
            assertThat(other.get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void a_job_past_its_time_is_told_so_and_its_time_counts_from_its_start_not_its_queueing() throws Exception {
        try (JobQueue queue = new JobQueue(Duration.ofMillis(200))) {
            CompletableFuture<Optional<Cancelled.Why>> slow = queue.submit(job(Scope.GLOBAL, "a", Kind.ADDING),
                    token -> {
                        sleep(400);
                        return token.stopped();
                    });
            CompletableFuture<Optional<Cancelled.Why>> next = queue.submit(job(Scope.GLOBAL, "b", Kind.ADDING),
                    JobQueue.Token::stopped);

            assertThat(slow.get(5, TimeUnit.SECONDS)).contains(Cancelled.Why.TIME_UP);
            assertThat(next.get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job on source {@code id} whose subject is its id. */
    private static Job job(Scope scope, String id, Kind kind) {
        return new Job(scope, id, new SourceActivity(kind, id));
    }
}
