package footnote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLuceneTest {

    @TempDir
    Path dir;

    @Test
    void runs_a_bm25_and_a_knn_search_on_the_index_footnote_built() throws Exception {
        HashingEmbedder embedder = new HashingEmbedder();
        Path path = dir.resolve("lucene");
        try (LuceneIndex index = LuceneIndex.openWritable(path, "t", false)) {
            for (int i = 0; i < 5; i++) {
                Article article = Fixtures.article("a" + i, "Article " + i, "Sixteen humanoid robots danced at gala "
                        + i + ". The robots were made by a company in Hangzhou.");
                List<Passage> passages = new Chunker(60, 5).chunk(article);
                index.putArticle(new IndexedArticle("a" + i, "a" + i, article.scope(), "Article " + i, "f",
                        passages.size()), passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
            }
            index.commit();
        }
        int[] hits = new int[1];

        try (RawLucene raw = new RawLucene(path, embedder, 3)) {
            Floor.Timing timing = raw.run("Which robots danced?", hits);
            assertThat(hits[0]).as("3 from BM25, 3 from KNN").isEqualTo(6);
            assertThat(timing.totalNanos()).isEqualTo(timing.embedNanos() + timing.bm25Nanos() + timing.knnNanos());
            raw.run("xylophone", hits);
            assertThat(hits[0]).as("no BM25 hit for an unknown word; KNN always finds k").isEqualTo(9);
        }
    }
}
