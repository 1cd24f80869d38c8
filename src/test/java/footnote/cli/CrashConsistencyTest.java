package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.config.Config;
import footnote.config.ConfigLoader;
import footnote.ingest.SourceRecord;
import footnote.search.Embedder;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.store.FileCopyStore;
import footnote.store.FileSourceRegistry;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Footnote process killed (SIGKILL) in the middle of adding a feed, then started again: the registry, the copies
 * and the index agree, and the add is retried to completion.
 */
class CrashConsistencyTest {

    private static final int ENTRIES = 16;

    @TempDir
    Path dir;

    private WebServer web;
    private Path config;

    @BeforeEach
    void serveFeed() throws IOException {
        web = WebServer.start();
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            web.serve("/story" + i + ".html", Page.of("text/html", WebFixtures.article("Story " + i, "Jane Doe",
                    "https://example.org/story" + i, WebFixtures.prose("lighthouse " + i, 1),
                    WebFixtures.prose("storm " + i, 2))).slow(Duration.ofMillis(80)));
            entries.add(new String[] {"g" + i, web.url("/story" + i + ".html").toString(), "Story " + i});
        }
        web.serve("/feed.xml", Page.of("application/rss+xml", WebFixtures.rss("Harbour news", entries)));
        Files.createDirectories(dir.resolve("articles"));
        config = dir.resolve("footnote.yaml");
        Files.writeString(config, WebFixtures.loopbackConfig(dir.resolve("index"), dir.resolve("articles"), web.port(),
                "feeds:\n  maxEntriesPerPoll: " + ENTRIES + "\n"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private Process footnote(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private int entryPagesFetched() {
        return IntStream.range(0, ENTRIES).map(i -> web.hits("/story" + i + ".html")).sum();
    }

    /** @param killAt entry pages fetched before the kill; more than there are: kill while indexing, after them all */
    @ParameterizedTest
    @ValueSource(ints = {3, ENTRIES + 1})
    void a_process_killed_while_adding_a_feed_leaves_everything_consistent_and_the_add_is_retried(int killAt)
            throws Exception {
        Process adding = footnote("sources", "add", web.url("/feed.xml").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (entryPagesFetched() < Math.min(killAt, ENTRIES) && adding.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (killAt > ENTRIES) {
            Thread.sleep(150); // into the indexing of the copies
        }
        adding.destroyForcibly();
        adding.waitFor(10, TimeUnit.SECONDS);
        assertThat(new FileSourceRegistry(dir.resolve("index/sources")).all()).as("killed mid-way")
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(SourceRecord.State.ADDING));

        Process restarted = footnote("index");
        assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        List<SourceRecord> records = new FileSourceRegistry(dir.resolve("index/sources")).all();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(SourceRecord.State.READY);
            assertThat(r.title()).isEqualTo("Harbour news");
        });
        String id = records.get(0).id();
        List<String> copies = new FileCopyStore(dir.resolve("index/copies")).articleIds(id);
        assertThat(copies).hasSize(ENTRIES);
        Config settings = new ConfigLoader().load(config);
        try (LuceneIndex index = LuceneIndex.openReadOnly(dir.resolve("index/lucene"), App.signature(settings, bge()))) {
            Map<String, IndexedArticle> articles = index.articles();
            assertThat(articles.keySet()).containsExactlyInAnyOrderElementsOf(copies);
            assertThat(articles.values()).allSatisfy(a -> {
                assertThat(a.sourceId()).isEqualTo(id);
                assertThat(a.passages()).isPositive();
            });
        }
    }

    /** Wherever a kill lands in a rebuild (start-up, reading copies, embedding, committing), the index answers whole. */
    @ParameterizedTest
    @ValueSource(ints = {2000, 3500, 5000})
    void a_process_killed_while_rebuilding_leaves_the_old_index_answering(int killAfterMillis) throws Exception {
        Process adding = footnote("sources", "add", web.url("/feed.xml").toString());
        assertThat(adding.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(adding.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        Process rebuilding = footnote("index", "--rebuild");
        Thread.sleep(killAfterMillis);
        rebuilding.destroyForcibly();
        rebuilding.waitFor(10, TimeUnit.SECONDS);

        Config settings = new ConfigLoader().load(config);
        try (LuceneIndex index = LuceneIndex.openReadOnly(dir.resolve("index/lucene"), App.signature(settings, bge()))) {
            assertThat(index.articles()).hasSize(ENTRIES);
        }
    }

    /** Only the model's name matters to the index signature. */
    private static Embedder bge() {
        return new Embedder() {
            @Override
            public String modelId() {
                return "bge-small-en-v1.5";
            }

            @Override
            public float[] embedQuery(String question) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<float[]> embedPassages(List<String> passages) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
