package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import footnote.answer.Answer;
import footnote.config.Config;
import footnote.testing.InsightFixtures;
import footnote.testing.LogLines;
import footnote.testing.ManualClock;
import footnote.testing.MemoryInsightStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InsightsTest {

    private final ManualClock clock = new ManualClock(InsightFixtures.NOW);

    /** A store whose every commit takes {@code commit}, however many records it holds; counts commits and interrupts. */
    private static class SlowStore implements InsightStore {
        final MemoryInsightStore kept = new MemoryInsightStore();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger interrupted = new AtomicInteger();
        private final Duration commit;

        SlowStore(Duration commit) {
            this.commit = commit;
        }

        @Override
        public void put(InsightRecord record) {
            putAll(List.of(record));
        }

        @Override
        public void putAll(List<InsightRecord> records) {
            commits.incrementAndGet();
            try {
                Thread.sleep(commit.toMillis());
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            records.forEach(kept::put);
        }

        @Override
        public Optional<InsightRecord> get(String server, String id) {
            return kept.get(server, id);
        }

        @Override
        public List<InsightRecord> since(String server, Instant from) {
            return kept.since(server, from);
        }

        @Override
        public List<String> servers() {
            return kept.servers();
        }

        @Override
        public int deleteBefore(Instant cutoff) {
            return kept.deleteBefore(cutoff);
        }

        @Override
        public int deleteServer(String server) {
            return kept.deleteServer(server);
        }

        @Override
        public void close() {
            kept.close();
        }
    }

    private static Answer declined(String question) {
        return new Answer(question, List.of(), Answer.Timings.NONE);
    }

    @Test
    void records_queued_while_the_store_commits_are_written_together_in_the_next_commit() {
        SlowStore store = new SlowStore(Duration.ofMillis(300));
        Insights insights = InsightFixtures.insights(store, clock);
        for (int i = 0; i < 40; i++) {
            insights.record(InsightFixtures.SERVER, declined("question " + i), Optional.empty());
        }
        insights.close();

        assertThat(store.kept.all()).hasSize(40);
        assertThat(store.commits).as("one per record would take 12 s").hasValueLessThanOrEqualTo(3);
    }

    @Test
    void closing_behind_a_long_queue_drops_the_rest_without_interrupting_the_write_in_hand() {
        SlowStore store = new SlowStore(Duration.ofSeconds(3)); // a store far behind: closing waits 5 s
        Insights insights = InsightFixtures.insights(store, clock);
        for (int i = 0; i < 3 * Insights.BATCH; i++) {
            insights.record(InsightFixtures.SERVER, declined("question " + i), Optional.empty());
        }
        insights.close();

        assertThat(store.interrupted).hasValue(0);
        assertThat(store.kept.all().size()).isBetween(1, 3 * Insights.BATCH - 1);
    }

    @Test
    void the_purge_deletes_what_the_retention_has_passed_and_a_vote_on_it_finds_it_expired() {
        MemoryInsightStore store = new MemoryInsightStore();
        Insights insights = InsightFixtures.insights(store, clock);
        String old = insights.record(InsightFixtures.SERVER, declined("asked first"), Optional.empty()).orElseThrow();
        store.await(r -> r.id().equals(old), Duration.ofSeconds(5));
        clock.advance(Duration.ofDays(2));
        String recent = insights.record("7", declined("asked two days later"), Optional.empty()).orElseThrow();
        store.await(r -> r.id().equals(recent), Duration.ofSeconds(5));

        clock.advance(Duration.ofDays(89)); // the first is 91 days old, the second 89: the retention is 90
        int purged = insights.purge();

        assertThat(purged).isEqualTo(1);
        assertThat(store.all()).extracting(InsightRecord::id).containsExactly(recent);
        assertThat(insights.vote(InsightFixtures.SERVER, old, "member", Vote.HELPFUL)).isEqualTo(VoteResult.EXPIRED);
        assertThat(insights.vote("7", recent, "member", Vote.HELPFUL)).isEqualTo(VoteResult.RECORDED);
        insights.close();
    }

    @Test
    void a_store_that_is_down_costs_the_records_never_the_caller_and_is_logged_once_until_it_is_back() {
        AtomicBoolean down = new AtomicBoolean(true);
        SlowStore failing = new SlowStore(Duration.ZERO) {
            @Override
            public void putAll(List<InsightRecord> records) {
                if (down.get()) {
                    throw new InsightStoreException("no node answers", new java.io.IOException("refused"));
                }
                super.putAll(records);
            }

            @Override
            public Optional<InsightRecord> get(String server, String id) {
                if (down.get()) {
                    throw new InsightStoreException("no node answers", new java.io.IOException("refused"));
                }
                return kept.get(server, id);
            }
        };
        MemoryInsightStore kept = failing.kept;
        Insights insights = InsightFixtures.insights(failing, clock);
        List<Optional<String>> ids = new ArrayList<>();

        List<ILoggingEvent> whileDown = LogLines.during(Insights.class, () -> {
            for (int i = 0; i < 3; i++) {
                ids.add(insights.record(InsightFixtures.SERVER, declined("question " + i), Optional.empty()));
            }
            String last = ids.get(2).orElseThrow();
            assertThat(insights.vote(InsightFixtures.SERVER, last, "member", Vote.HELPFUL))
                    .isEqualTo(VoteResult.UNAVAILABLE);
        });
        down.set(false);
        List<ILoggingEvent> onceBack = LogLines.during(Insights.class, () -> {
            insights.record(InsightFixtures.SERVER, declined("asked again"), Optional.empty());
            insights.close(); // writes what is queued, and logs, before it returns
        });

        assertThat(ids).allSatisfy(id -> assertThat(id).isPresent());
        assertThat(whileDown).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("questions are answered but not recorded")
                    .doesNotContain("question 0");
        });
        assertThat(onceBack).singleElement().satisfies(line -> assertThat(line.getLevel()).isEqualTo(Level.INFO));
        assertThat(kept.all()).extracting(InsightRecord::question).containsExactly("asked again");
    }

    @Test
    void measurements_record_nothing() {
        assertThat(Config.defaults().insights().enabled()).isTrue();
        assertThat(Config.defaults().measuring().insights().enabled()).isFalse();
    }
}
