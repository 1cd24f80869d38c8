package footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.corpus.Article;
import footnote.corpus.ArticleMetadata;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.Scope;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {

    private static final String SIGNATURE = "test-signature";
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final TextAnalysis analysis = new TextAnalysis();

    @TempDir
    Path dir;

    private void put(PassageIndex index, Article article) {
        List<Passage> passages = new Chunker(60, 20).chunk(article);
        index.putArticle(new IndexedArticle(article.id(), article.sourceId(), article.scope(),
                article.metadata().title(), "fp-" + article.body().hashCode(), passages.size()), passages,
                embedder.embedPassages(passages.stream().map(Passage::text).toList()));
    }

    private List<String> lexicalIds(PassageIndex index, String question, Set<Scope> scopes) {
        try (IndexSnapshot snapshot = index.snapshot()) {
            return snapshot.lexical(analysis.keyTerms(question), scopes, 10).stream()
                    .map(hit -> snapshot.passage(hit).articleId()).toList();
        }
    }

    @Test
    void finds_passages_by_their_words_and_reads_them_back_whole() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("robots", "Robots at the gala", "Sixteen humanoid robots danced at the gala."));
            put(index, Fixtures.article("chips", "Chips", "The ban covered gallium and germanium shipments."));
            index.commit();

            try (IndexSnapshot snapshot = index.snapshot()) {
                List<Hit> hits = snapshot.lexical(analysis.keyTerms("Which robots danced?"), Set.of(Scope.GLOBAL), 10);
                assertThat(hits).hasSize(1);
                Passage passage = snapshot.passage(hits.get(0));
                assertThat(passage.articleId()).isEqualTo("robots");
                assertThat(passage.sentences()).containsExactly("Sixteen humanoid robots danced at the gala.");
                assertThat(passage.metadata().title()).isEqualTo("Robots at the gala");
                assertThat(snapshot.documentFrequency("robot")).isEqualTo(1);
                assertThat(snapshot.passageCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void a_caption_passage_and_an_undated_articles_date_note_read_back_as_written() throws IOException {
        ArticleMetadata meta = new ArticleMetadata("The meeting", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("meeting.md"),
                Optional.of("Written shortly after the February 2025 symposium"));
        Article article = new Article("meeting", "meeting", Scope.GLOBAL, meta, """
                Business leaders listened to the speech at the symposium for two hours.

                Xi Jinping attends a symposium on private enterprises in Beijing on 17 Feb. Photo: Xinhua
                """);
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, article);
            index.commit();

            try (IndexSnapshot snapshot = index.snapshot()) {
                List<Passage> found = snapshot.lexical(analysis.keyTerms("symposium"), Set.of(Scope.GLOBAL), 10)
                        .stream().map(snapshot::passage).toList();

                assertThat(found).extracting(Passage::kind)
                        .containsExactlyInAnyOrder(PassageKind.PROSE, PassageKind.CAPTION);
                assertThat(found).filteredOn(p -> p.kind() == PassageKind.CAPTION).singleElement().satisfies(p -> {
                    assertThat(p.sentences()).containsExactly(
                            "Xi Jinping attends a symposium on private enterprises in Beijing on 17 Feb.");
                    assertThat(p.before()).isEmpty();
                });
                assertThat(found).allSatisfy(p -> assertThat(p.metadata()).isEqualTo(meta));
                assertThat(found).containsExactlyInAnyOrderElementsOf(new Chunker(60, 20).chunk(article));
            }
        }
    }

    @Test
    void dense_search_ranks_by_cosine_similarity() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("robots", "R", "Humanoid robots danced at the festival gala."));
            put(index, Fixtures.article("chips", "C", "Exports of gallium were banned in December."));
            index.commit();

            try (IndexSnapshot snapshot = index.snapshot()) {
                List<Hit> hits = snapshot.nearest(embedder.embedQuery("robots danced gala"), Set.of(Scope.GLOBAL), 2);
                assertThat(snapshot.passage(hits.get(0)).articleId()).isEqualTo("robots");
                assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isLessThanOrEqualTo(1.0001f);
            }
        }
    }

    @Test
    void a_scope_sees_only_its_own_passages_in_both_searches() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("mine", Scope.server("1"), "T", "The robots danced in server one."));
            put(index, Fixtures.article("theirs", Scope.server("2"), "T", "The robots danced in server two."));
            index.commit();

            assertThat(lexicalIds(index, "robots danced", Set.of(Scope.server("1")))).containsExactly("mine");
            try (IndexSnapshot snapshot = index.snapshot()) {
                assertThat(snapshot.nearest(embedder.embedQuery("robots"), Set.of(Scope.server("2")), 10))
                        .extracting(hit -> snapshot.passage(hit).articleId()).containsExactly("theirs");
            }
        }
    }

    @Test
    void putting_an_article_again_replaces_its_passages() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("a", "T", "The old text mentions zebras."));
            index.commit();
            put(index, Fixtures.article("a", "T", "The new text mentions giraffes."));
            index.commit();

            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).isEmpty();
            assertThat(lexicalIds(index, "giraffes", Set.of(Scope.GLOBAL))).containsExactly("a");
            assertThat(index.articles()).containsOnlyKeys("a");
            assertThat(index.articles().get("a").fingerprint()).isEqualTo("fp-" + "The new text mentions giraffes.".hashCode());
        }
    }

    @Test
    void removed_articles_disappear_from_searches_and_the_article_list() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
            index.removeArticle("a");
            index.commit();

            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).isEmpty();
            assertThat(index.articles()).isEmpty();
        }
    }

    @Test
    void writes_are_invisible_until_committed() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory(SIGNATURE)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));

            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).isEmpty();
            index.commit();
            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
        }
    }

    @Test
    void after_awaiting_merges_searches_use_the_last_commit_and_find_every_passage() throws IOException {
        Path path = dir.resolve("index");
        try (LuceneIndex index = LuceneIndex.openWritable(path, SIGNATURE, false)) {
            for (int i = 0; i < 30; i++) {
                put(index, Fixtures.article("a" + i, "Article " + i, "Robot number " + i + " danced at the gala."));
                index.commit(); // a segment per commit, as a trickle of sources leaves, so there is merging to do
            }

            index.awaitMerges();

            try (LuceneSnapshot snapshot = index.snapshot();
                    FSDirectory files = FSDirectory.open(path);
                    DirectoryReader committed = DirectoryReader.open(files)) {
                assertThat(snapshot.searcher.getIndexReader().leaves()).hasSameSizeAs(committed.leaves())
                        .hasSizeLessThan(30);
                assertThat(snapshot.passageCount()).isEqualTo(30);
            }
            assertThat(lexicalIds(index, "Which robot danced?", Set.of(Scope.GLOBAL))).hasSize(10);
        }
    }

    @Test
    void the_index_survives_a_restart() throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
        }
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            assertThat(index.articles()).containsOnlyKeys("a");
            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
        }
    }

    @Test
    void an_index_built_with_other_settings_is_replaced_by_an_empty_one() throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, "model=old", false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
        }
        try (LuceneIndex index = LuceneIndex.openWritable(dir, "model=new", false)) {
            assertThat(index.articles()).isEmpty();
        }
    }

    @Test
    void uncommitted_writes_are_lost_in_a_crash_and_the_last_commit_stays_usable() throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
            put(index, Fixtures.article("b", "T", "Giraffes eat leaves."));
            // No commit: a reader opened now, like a process started after a crash, sees the last commit only.
            try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
                assertThat(reader.articles()).containsOnlyKeys("a");
            }
        }
    }

    @Test
    void a_second_writer_is_refused_with_a_clear_message_and_a_reader_still_works() throws IOException {
        try (LuceneIndex writer = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(writer, Fixtures.article("a", "T", "Zebras live on the savanna."));
            writer.commit();

            assertThatThrownBy(() -> LuceneIndex.openWritable(dir, SIGNATURE, false))
                    .isInstanceOf(IndexUnavailableException.class)
                    .hasMessageContaining("in use by another Footnote process")
                    .satisfies(e -> assertThat(((IndexUnavailableException) e).reason())
                            .isEqualTo(IndexUnavailableException.Reason.IN_USE));
            try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
                assertThat(reader.writable()).isFalse();
                assertThat(lexicalIds(reader, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
                assertThatThrownBy(() -> reader.removeArticle("a")).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void a_damaged_index_is_reported_with_how_to_rebuild_it_and_a_rebuild_recovers() throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        assertThatThrownBy(() -> LuceneIndex.openWritable(dir, SIGNATURE, false))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("index --rebuild");
        try (LuceneIndex rebuilt = LuceneIndex.openWritable(dir, SIGNATURE, true)) {
            put(rebuilt, Fixtures.article("a", "T", "Zebras live on the savanna."));
            rebuilt.commit();
            assertThat(lexicalIds(rebuilt, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
        }
    }

    @Test
    void a_rebuild_leaves_the_old_index_to_readers_until_it_completes_and_a_failed_one_changes_nothing()
            throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
        }
        try (LuceneIndex rebuild = LuceneIndex.openWritable(dir, SIGNATURE, true)) {
            put(rebuild, Fixtures.article("b", "T", "Giraffes eat leaves."));
            rebuild.commit();
            assertThat(rebuild.articles()).containsOnlyKeys("b");
            try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
                assertThat(reader.articles()).containsOnlyKeys("a");
            }
        } // closed without completing: as if it failed or was killed
        try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
            assertThat(lexicalIds(reader, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
        }

        try (LuceneIndex rebuild = LuceneIndex.openWritable(dir, SIGNATURE, true)) {
            put(rebuild, Fixtures.article("b", "T", "Giraffes eat leaves."));
            rebuild.commit();
            rebuild.completeRebuild();
        }
        try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
            assertThat(reader.articles()).containsOnlyKeys("b");
        }
    }

    @Test
    void a_read_only_index_sees_what_the_writing_process_commits_later() throws IOException {
        try (LuceneIndex writer = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(writer, Fixtures.article("a", "T", "Zebras live on the savanna."));
            writer.commit();
            try (LuceneIndex reader = LuceneIndex.openReadOnly(dir, SIGNATURE)) {
                assertThat(reader.articles()).containsOnlyKeys("a");

                put(writer, Fixtures.article("b", "T", "Giraffes eat leaves."));
                writer.commit();

                assertThat(reader.articles()).containsOnlyKeys("a", "b");
                assertThat(lexicalIds(reader, "giraffes", Set.of(Scope.GLOBAL))).containsExactly("b");
            }
        }
    }

    @Test
    void a_garbled_write_lock_that_no_process_holds_is_emptied_and_the_index_opens() throws IOException {
        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            put(index, Fixtures.article("a", "T", "Zebras live on the savanna."));
            index.commit();
        }
        Files.writeString(dir.resolve("write.lock"), "x".repeat(300));

        try (LuceneIndex index = LuceneIndex.openWritable(dir, SIGNATURE, false)) {
            assertThat(index.writable()).isTrue();
            assertThat(lexicalIds(index, "zebras", Set.of(Scope.GLOBAL))).containsExactly("a");
            put(index, Fixtures.article("b", "T", "Giraffes eat leaves."));
            index.commit();
        }
        assertThat(dir.resolve("write.lock")).isEmptyFile();
    }

    @Test
    void opening_a_missing_index_read_only_says_how_to_build_it() {
        assertThatThrownBy(() -> LuceneIndex.openReadOnly(dir.resolve("none"), SIGNATURE))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("footnote.jar index");
    }
}
