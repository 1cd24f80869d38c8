package footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.insights.InsightStoreContract;
import footnote.insights.InsightStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded insights store: the contract over a folder of this test's, then what only a folder can do. */
class LuceneInsightStoreTest extends InsightStoreContract {

    @TempDir
    Path dir;

    private Path folder() {
        return dir.resolve("insights");
    }

    @Override
    protected InsightStore open() {
        return new LuceneInsightStore(folder());
    }

    @Override
    protected Path dataFolder() {
        return dir;
    }

    @Test
    void a_store_nothing_was_written_to_reads_empty_and_leaves_no_folder() {
        assertThat(store.since("111", Instant.EPOCH)).isEmpty();
        assertThat(store.get("111", "r1")).isEmpty();
        assertThat(store.servers()).isEmpty();

        assertThat(folder()).doesNotExist();
    }

    @Test
    void a_file_where_the_folder_should_be_is_reported_as_such() throws IOException {
        Files.writeString(folder(), "not an index");

        assertThatThrownBy(() -> store.put(record("111", "r1", T0)))
                .isInstanceOf(InsightStoreException.class)
                .hasMessageContaining(folder().toString())
                .hasMessageContaining("is a file, not a folder")
                .hasMessageContaining("answers are not affected");
        assertThatThrownBy(() -> store.since("111", T0)).isInstanceOf(InsightStoreException.class);
    }

    @Test
    void a_damaged_index_is_reported_with_what_to_do_and_is_opened_again_once_moved_away() throws IOException {
        Files.createDirectories(folder());
        Files.writeString(folder().resolve("segments_1"), "garbage where a commit should be");

        assertThatThrownBy(() -> store.put(record("111", "r1", T0)))
                .isInstanceOf(InsightStoreException.class)
                .hasMessageContaining(folder().toString())
                .hasMessageContaining("move it away to start afresh");

        Files.move(folder(), dir.resolve("insights.damaged"));
        store.put(record("111", "r1", T0));
        assertThat(store.get("111", "r1")).isPresent();
    }

    @Test
    void while_another_store_writes_the_folder_this_one_reads_its_commits_and_refuses_to_write() {
        store.put(record("111", "r1", T0));
        InsightStore second = opened(open());

        assertThat(second.get("111", "r1")).isPresent();
        assertThatThrownBy(() -> second.put(record("111", "r2", T0)))
                .isInstanceOf(InsightStoreException.class)
                .hasMessageContaining("in use by another Footnote process");
        store.put(record("111", "r3", T0.plusSeconds(1)));
        assertThat(second.since("111", T0)).extracting(InsightRecord::id).containsExactly("r1", "r3");

        store.close();
        second.put(record("111", "r2", T0));
        assertThat(second.since("111", T0)).extracting(InsightRecord::id).containsExactly("r1", "r2", "r3");
    }

    @Test
    void a_closed_store_refuses_every_call() {
        store.close();

        assertThatThrownBy(() -> store.get("111", "r1")).isInstanceOf(InsightStoreException.class)
                .hasMessageContaining("closed");
    }

    /** A process killed (SIGKILL) while it writes keeps every record whose put had returned. */
    @Test
    void every_put_that_returned_before_the_process_was_killed_is_there_after() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InsightWriter.class.getName(), folder().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> returned = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (returned.size() < 20) {
                String line = out.readLine();
                assertThat(line).as("the writer's output").isNotNull();
                returned.add(line);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> stored = store.since("111", Instant.EPOCH).stream().map(InsightRecord::id).toList();
        assertThat(stored).containsAll(returned);
    }

    /** The child process: puts records one after another, printing each id once its put has returned. */
    public static final class InsightWriter {
        public static void main(String[] args) {
            try (InsightStore store = new LuceneInsightStore(Path.of(args[0]))) {
                for (int i = 0; ; i++) {
                    String id = String.format("r%06d", i);
                    store.put(record("111", id, T0.plusSeconds(i)));
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }
}
