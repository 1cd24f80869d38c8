package footnote.answer;

import footnote.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Article;
import footnote.corpus.ArticleMetadata;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import footnote.search.HybridRetriever;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.testing.HashingEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswererTest {

    private static final String GALA = """
            The Spring Festival Gala airs on the eve of the Lunar New Year and is watched by hundreds of millions.

            This year sixteen humanoid robots danced with humans at the gala. The robots were made by Unitree, a
            company backed by Alibaba Cloud.
            """;
    private static final String METALS = """
            In December 2023 Beijing banned shipments to America of gallium, germanium and antimony, rare metals
            needed to make advanced chips.
            """;

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final TextAnalysis analysis = new TextAnalysis();
    private final LuceneIndex index = LuceneIndex.inMemory("test");

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private void add(String id, Scope scope, ArticleMetadata metadata, String body) {
        Article article = new Article(id, id, scope, metadata, body);
        List<Passage> passages = new Chunker(60, 20).chunk(article);
        index.putArticle(new IndexedArticle(id, id, scope, metadata.title(), "f", passages.size()), passages,
                embedder.embedPassages(passages.stream().map(Passage::text).toList()));
        index.commit();
    }

    private Answerer answerer(double threshold) {
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(20, 0.5, 10));
        return new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.5, 0.1, threshold, 0.1), 3, 400);
    }

    private static ArticleMetadata metadata(String title) {
        return new ArticleMetadata(title, Optional.of("Amit Mishra"), Optional.empty(), PublicationDate.parse("2025-03-04"),
                Optional.empty(), Optional.of(title.toLowerCase().replace(' ', '-') + ".md"));
    }

    @Test
    void quotes_the_sentence_that_answers_with_its_citation() {
        add("gala", Scope.GLOBAL, metadata("Gala robots"), GALA);
        add("metals", Scope.GLOBAL, metadata("Metals ban"), METALS);

        Answer answer = answerer(0.3).answer("Which company made the robots that danced at the gala?", Set.of(Scope.GLOBAL));

        assertThat(answer.found()).isTrue();
        Excerpt first = answer.excerpts().get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.text()).contains("made by Unitree");
        assertThat(first.citation().title()).isEqualTo("Gala robots");
        assertThat(first.citation().byline()).contains("Amit Mishra");
        assertThat(first.citation().fileName()).contains("gala-robots.md");
        assertThat(first.highlights()).isNotEmpty();
    }

    @Test
    void every_quoted_word_is_in_the_cited_article() {
        add("gala", Scope.GLOBAL, metadata("Gala robots"), GALA);
        add("metals", Scope.GLOBAL, metadata("Metals ban"), METALS);

        for (String question : List.of("Which metals were banned?", "Who backs Unitree?", "When is the gala aired?")) {
            for (Excerpt excerpt : answerer(0.0).answer(question, Set.of(Scope.GLOBAL)).excerpts()) {
                String body = (excerpt.articleId().equals("gala") ? GALA : METALS).replaceAll("\\s+", " ");
                assertThat(body).contains(excerpt.text().replace(ExcerptSelector.ELLIPSIS, ""));
            }
        }
    }

    @Test
    void answers_with_no_excerpt_when_nothing_matches() {
        add("gala", Scope.GLOBAL, metadata("Gala robots"), GALA);

        Answer answer = answerer(0.5).answer("What is the boiling point of water on Mount Everest?", Set.of(Scope.GLOBAL));

        assertThat(answer.found()).isFalse();
        assertThat(answer.excerpts()).isEmpty();
    }

    @Test
    void a_question_naming_something_no_source_mentions_needs_stronger_evidence() {
        add("gala", Scope.GLOBAL, metadata("Gala robots"), GALA);
        String question = "Which robots danced at the Samsung gala?";

        Answer lenient = answerer(0.0).answer(question, Set.of(Scope.GLOBAL));
        double score = new EvidencePolicy(0.5, 0.1, 0, 0.1).score(lenient.excerpts().get(0).evidence());

        assertThat(lenient.excerpts().get(0).evidence().unknownNames()).isEqualTo(1);
        assertThat(answerer(score + 0.05).answer(question, Set.of(Scope.GLOBAL)).found()).isFalse();
        assertThat(answerer(score - 0.05).answer(question.replace("Samsung ", ""), Set.of(Scope.GLOBAL)).found())
                .isTrue();
    }

    @Test
    void never_quotes_the_same_sentence_twice() {
        add("gala", Scope.GLOBAL, metadata("Gala robots"), GALA);

        Answer answer = answerer(0.0).answer("robots gala Unitree", Set.of(Scope.GLOBAL));

        List<Integer> sentences = answer.excerpts().stream()
                .flatMap(e -> java.util.stream.IntStream.rangeClosed(e.firstSentence(), e.lastSentence()).boxed())
                .toList();
        assertThat(sentences).doesNotHaveDuplicates();
        assertThat(answer.excerpts()).extracting(Excerpt::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, answer.excerpts().size()).boxed().toList());
    }

    @Test
    void answers_only_from_the_scopes_asked_for() {
        add("theirs", Scope.server("2"), metadata("Gala robots"), GALA);

        assertThat(answerer(0.0).answer("Which company made the robots?", Set.of(Scope.GLOBAL, Scope.server("1")))
                .found()).isFalse();
        assertThat(answerer(0.0).answer("Which company made the robots?", Set.of(Scope.server("2"))).found()).isTrue();
    }
}
