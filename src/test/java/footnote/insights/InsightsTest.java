package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.config.Config;
import footnote.testing.InsightFixtures;
import footnote.testing.ManualClock;
import footnote.testing.MemoryInsightStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InsightsTest {

    private final ManualClock clock = new ManualClock(InsightFixtures.NOW);

    /** A store that takes its time with each record and notes any interrupt it receives while writing. */
    private static final class SlowStore implements InsightStore {
        final MemoryInsightStore kept = new MemoryInsightStore();
        final AtomicInteger interrupted = new AtomicInteger();

        @Override
        public void put(InsightRecord record) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            kept.put(record);
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
    void closing_behind_a_long_queue_drops_the_rest_without_interrupting_the_write_in_hand() {
        SlowStore store = new SlowStore();
        Insights insights = InsightFixtures.insights(store, clock);
        for (int i = 0; i < 60; i++) { // 12 s of writing, more than closing waits for
            insights.record(InsightFixtures.SERVER, declined("question " + i), Optional.empty());
        }
        insights.close();
        assertThat(store.interrupted).hasValue(0);
        assertThat(store.kept.all().size()).isBetween(1, 59);
    }

    @Test
    void measurements_record_nothing() {
        assertThat(Config.defaults().insights().enabled()).isTrue();
        assertThat(Config.defaults().measuring().insights().enabled()).isFalse();
    }
}
