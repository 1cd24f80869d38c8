package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end on a tiny generated corpus: what it builds, measures and writes. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    private Path squad() throws IOException {
        return squadStandIn(dir);
    }

    /** A stand-in for the SQuAD folder under {@code dir}: the test articles and their questions. */
    static Path squadStandIn(Path dir) throws IOException {
        Path squad = dir.resolve("squad");
        Files.createDirectories(squad.resolve("articles"));
        try (Stream<Path> articles = Files.list(Fixtures.resourcePath("eval/articles"))) {
            for (Path article : articles.toList()) {
                Files.copy(article, squad.resolve("articles").resolve(article.getFileName()));
            }
        }
        Files.copy(Fixtures.resourcePath("eval/questions.jsonl"), squad.resolve("questions-sample-1000.jsonl"));
        return squad;
    }

    private int bench(Path squad, String... more) {
        String[] base = {"bench", "--corpora", "40", "--squad", squad.toString(), "--questions", "20", "--warm-up",
            "20", "--askers", "1,2", "--no-startup", "--work", dir.resolve("work").toString(),
            "--out", dir.resolve("r.md").toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return Main.execute(args);
    }

    @Test
    void measures_a_generated_corpus_and_writes_the_report_it_prints() throws IOException {
        Path squad = squad();

        assertThat(bench(squad)).isZero();

        String report = Files.readString(dir.resolve("r.md"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(report.strip());
        // About 40 passages: with so few source sentences, two paragraphs can come out the same.
        assertThat(report).containsPattern("\\| 40 \\| (3\\d|40) \\| 20 \\|( [\\d.]+ \\|){13}\n")
                .containsPattern("\\| 40 \\| (3\\d|40) \\| [\\d.]+ \\| [\\d.]+ \\| \\d\\.\\d\\d \\|")
                .contains("| 1 asker | 2 askers | p99 at 2 (ms) |", "Machine: ");
        try (Stream<Path> files = Files.list(dir.resolve("work/corpora/40"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".md"))).hasSize(4);
        }
        assertThat(dir.resolve("work/40/lucene")).isDirectory();
    }

    @Test
    void with_reuse_answers_from_the_index_already_built_without_timing_ingest() throws IOException {
        Path squad = squad();
        bench(squad);
        out.reset();

        assertThat(bench(squad, "--reuse")).isZero();

        assertThat(Files.readString(dir.resolve("r.md"))).containsPattern("\\| 40 \\| (3\\d|40) \\| reused \\|");
    }
}
