package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.config.Config;
import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.search.LuceneIndex;
import footnote.store.LuceneInsightStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the embedded backend keeps what it is given, and that closing it lets go of all of it. */
class StorageTest {

    @TempDir
    Path dir;

    private Storage embedded() {
        Config defaults = Config.defaults();
        return Storage.files(defaults.withIndex(defaults.index().withPath(dir.toString())),
                LuceneIndex.inMemory("test-signature"));
    }

    private static InsightRecord record(String id) {
        return new InsightRecord(id, "111", Instant.parse("2025-03-01T12:00:00Z"), "when was the symposium",
                Optional.empty(), InsightRecord.Outcome.DECLINED, 0.1, List.of(), Map.of(), Map.of());
    }

    @Test
    void the_embedded_backend_keeps_insight_records_under_index_insights_and_lets_go_of_them_when_closed()
            throws IOException {
        try (Storage storage = embedded()) {
            storage.insights().put(record("r1"));
        }

        try (InsightStore after = new LuceneInsightStore(dir.resolve("insights"))) {
            after.put(record("r2")); // the closed storage's writer gave up the write.lock
            assertThat(after.since("111", Instant.EPOCH)).extracting(InsightRecord::id).containsExactly("r1", "r2");
        }
    }

    @Test
    void a_process_that_records_no_insights_leaves_no_insights_folder() throws IOException {
        embedded().close();

        assertThat(dir.resolve("insights")).doesNotExist();
    }
}
