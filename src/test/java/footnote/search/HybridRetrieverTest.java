package footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.Scope;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {

    private final HashingEmbedder embedder = new HashingEmbedder();

    private LuceneIndex index(Article... articles) {
        LuceneIndex index = LuceneIndex.inMemory("test");
        for (Article article : articles) {
            List<Passage> passages = new Chunker(60, 20).chunk(article);
            index.putArticle(new IndexedArticle(article.id(), article.sourceId(), article.scope(), "t", "f",
                    passages.size()), passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
        }
        index.commit();
        return index;
    }

    @Test
    void ranks_the_passage_that_shares_the_questions_words_first_with_both_scores() throws IOException {
        try (LuceneIndex index = index(
                Fixtures.article("robots", "Gala", "Sixteen humanoid robots danced at the Spring Festival Gala."),
                Fixtures.article("chips", "Chips", "China banned gallium exports to America in December."))) {
            HybridRetriever retriever = new HybridRetriever(index, embedder, new TextAnalysis(),
                    new HybridRetriever.Settings(10, 0.5, 5));

            Retrieval retrieval = retriever.retrieve("How many robots danced at the gala?", Set.of(Scope.GLOBAL));

            Candidate top = retrieval.candidates().get(0);
            assertThat(top.passage().articleId()).isEqualTo("robots");
            assertThat(top.bm25()).isPositive();
            assertThat(top.cosine()).isGreaterThan(0.5);
            assertThat(retrieval.termWeights()).containsOnlyKeys("robot", "danc", "gala");
            assertThat(retrieval.unseenTerms()).isEmpty();
        }
    }

    @Test
    void reports_key_terms_that_no_passage_contains() throws IOException {
        try (LuceneIndex index = index(Fixtures.article("robots", "Gala", "Robots danced at the gala."))) {
            HybridRetriever retriever = new HybridRetriever(index, embedder, new TextAnalysis(),
                    new HybridRetriever.Settings(10, 0.5, 5));

            Retrieval retrieval = retriever.retrieve("Did Samsung robots dance?", Set.of(Scope.GLOBAL));

            assertThat(retrieval.unseenTerms()).containsExactly("samsung");
            assertThat(retrieval.termWeights().get("samsung")).isGreaterThan(retrieval.termWeights().get("robot"));
        }
    }

    @Test
    void finds_nothing_for_a_scope_without_sources() throws IOException {
        try (LuceneIndex index = index(Fixtures.article("robots", "Gala", "Robots danced at the gala."))) {
            HybridRetriever retriever = new HybridRetriever(index, embedder, new TextAnalysis(),
                    new HybridRetriever.Settings(10, 0.5, 5));

            assertThat(retriever.retrieve("robots", Set.of(Scope.server("9"))).candidates()).isEmpty();
        }
    }
}
