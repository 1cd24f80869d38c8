package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.search.HybridRetriever;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpellerTest {

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final LuceneIndex index = LuceneIndex.inMemory("speller");
    private Speller speller;

    @BeforeEach
    void index() {
        Article article = Fixtures.article("port", "Harbour news",
                "The harbour conference met in Valparaiso. Kendra Schaefer chaired it for the Zhengfei Foundation.");
        List<Passage> passages = new Chunker(60, 20).chunk(article);
        index.putArticle(new IndexedArticle("port", "port", article.scope(), "Harbour news", "f", passages.size()),
                passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
        index.commit();
        speller = new Speller(new HybridRetriever(index, embedder, new TextAnalysis(),
                new HybridRetriever.Settings(10, 0.5, 5)), Fixtures.lexicon());
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void correctsMisspeltWordsToTheWordsTheSourcesUse() {
        assertThat(speller.correct("who chaired the harbour confrence")).isEqualTo("who chaired the harbour conference");
        assertThat(speller.correct("what did kendra shaefer say")).isEqualTo("what did kendra schaefer say");
        assertThat(speller.correct("who is behind the zhenfei foundation")).contains("zhengfei");
    }

    @Test
    void leavesEverydayWordsAndUnknownNamesAsTyped() {
        assertThat(speller.correct("when was it held")).isEqualTo("when was it held");
        assertThat(speller.correct("did Nadella attend")).isEqualTo("did Nadella attend");
    }
}
