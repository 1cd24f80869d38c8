package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceKind;
import footnote.search.Embedder;
import footnote.search.LuceneIndex;
import footnote.testing.HashingEmbedder;
import footnote.testing.MemoryCopyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {

    @TempDir
    Path dir;

    private final AtomicInteger embedded = new AtomicInteger();
    private final LuceneIndex index = LuceneIndex.inMemory("test");
    private final Embedder countingEmbedder = new Embedder() {
        private final HashingEmbedder inner = new HashingEmbedder();

        @Override
        public String modelId() {
            return inner.modelId();
        }

        @Override
        public float[] embedQuery(String question) {
            return inner.embedQuery(question);
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            embedded.addAndGet(passages.size());
            return inner.embedPassages(passages);
        }
    };
    private final Ingester ingester = new Ingester(index, countingEmbedder,
            new SourceReader(new ArticleFiles(), new MemoryCopyStore()), 60, 20);

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private Source file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return new Source(name.replaceFirst("\\.md$", ""), new SourceKind.Bundled(path), Scope.GLOBAL);
    }

    @Test
    void indexes_new_articles_and_skips_unchanged_ones_the_second_time() throws IOException {
        List<Source> sources = List.of(file("a.md", "Zebras live on the savanna."), file("b.md", "Giraffes eat leaves."));

        SyncReport first = ingester.sync(sources, IngestProgress.NONE);
        int embeddedFirst = embedded.get();
        SyncReport second = ingester.sync(sources, IngestProgress.NONE);

        assertThat(first.added()).isEqualTo(2);
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(embedded.get()).isEqualTo(embeddedFirst);
        assertThat(second.passages()).isEqualTo(2);
        assertThat(index.articles()).containsOnlyKeys("a", "b");
    }

    @Test
    void a_changed_article_is_reindexed_and_a_vanished_one_removed() throws IOException {
        Source a = file("a.md", "Zebras live on the savanna.");
        Source b = file("b.md", "Giraffes eat leaves.");
        ingester.sync(List.of(a, b), IngestProgress.NONE);
        String before = index.articles().get("a").fingerprint();

        Files.writeString(dir.resolve("a.md"), "Zebras live on the savanna and drink at rivers.");
        SyncReport report = ingester.sync(List.of(a), IngestProgress.NONE);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(index.articles()).containsOnlyKeys("a");
        assertThat(index.articles().get("a").fingerprint()).isNotEqualTo(before);
    }

    @Test
    void an_unreadable_source_keeps_what_was_indexed_from_it_and_says_why() throws IOException {
        Source a = file("a.md", "Zebras live on the savanna.");
        ingester.sync(List.of(a), IngestProgress.NONE);

        Files.write(dir.resolve("a.md"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        SyncReport report = ingester.sync(List.of(a), IngestProgress.NONE);

        assertThat(report.failures()).singleElement().satisfies(s -> {
            assertThat(s.problem()).hasValueSatisfying(p -> assertThat(((SourceChange.Problem.Fetch) p).message())
                    .contains("not UTF-8"));
            assertThat(s.passages()).isEqualTo(1);
            assertThat(s.title()).isEqualTo("a");
        });
        assertThat(index.articles()).containsOnlyKeys("a");
    }

    @Test
    void a_missing_file_is_a_failure_of_that_source_only() throws IOException {
        Source gone = new Source("gone", new SourceKind.Bundled(dir.resolve("gone.md")), Scope.GLOBAL);
        Source a = file("a.md", "Zebras live on the savanna.");

        SyncReport report = ingester.sync(List.of(gone, a), IngestProgress.NONE);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(s -> {
            assertThat(s.source().id()).isEqualTo("gone");
            assertThat(s.problem()).hasValueSatisfying(p -> assertThat(((SourceChange.Problem.Fetch) p).message())
                    .endsWith("gone.md does not exist"));
        });
    }

    @Test
    void tells_its_progress_listener_about_every_source() throws IOException {
        List<String> seen = new java.util.ArrayList<>();
        ingester.sync(List.of(file("a.md", "Zebras."), file("b.md", "Giraffes.")), new IngestProgress() {
            @Override
            public void started(int sources) {
                seen.add("start " + sources);
            }

            @Override
            public void advanced(String sourceId) {
                seen.add(sourceId);
            }

            @Override
            public void finished() {
                seen.add("done");
            }
        });

        assertThat(seen).containsExactly("start 2", "a", "b", "done");
    }
}
