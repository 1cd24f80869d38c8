package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.Scope;
import footnote.search.TextAnalysis;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExcerptSelectorTest {

    private final TextAnalysis analysis = new TextAnalysis();

    private KeyTerms terms(String question) {
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        analysis.keyTerms(question).forEach(t -> weights.put(t, 1.0));
        return new KeyTerms(analysis, weights);
    }

    private static Passage passage(Optional<String> before, Optional<String> after, String... sentences) {
        return new Passage("art", "src", Scope.GLOBAL, ArticleMetadata.titled("T"), 0, 10, List.of(sentences),
                before, after);
    }

    @Test
    void quotes_the_sentences_that_hold_the_questions_words_and_fills_the_budget_with_the_next() {
        Passage p = passage(Optional.empty(), Optional.empty(),
                "The weather was mild all week.",
                "Seated at the table alongside Jack Ma were Lei Jun and Pony Ma.",
                "They talked for hours.",
                "Lunch was served at noon.");

        ExcerptSelector.Selection s = new ExcerptSelector(100).select(p, terms("Who sat at the table with Jack Ma?"),
                Set.of()).orElseThrow();

        assertThat(s.text()).isEqualTo("Seated at the table alongside Jack Ma were Lei Jun and Pony Ma."
                + " They talked for hours.");
        assertThat(s.firstSentence()).isEqualTo(11);
        assertThat(s.lastSentence()).isEqualTo(12);
    }

    @Test
    void never_exceeds_the_budget_with_more_than_one_sentence() {
        Passage p = passage(Optional.of("A neighbour sentence before the passage starts."),
                Optional.of("A neighbour sentence after the passage ends here."),
                "Robots danced at the gala in floral vests.", "The crowd cheered the robots loudly.");

        for (int budget : new int[] {45, 60, 90, 150, 400}) {
            ExcerptSelector.Selection s = new ExcerptSelector(budget).select(p, terms("robots gala"), Set.of())
                    .orElseThrow();
            assertThat(s.text().length()).isLessThanOrEqualTo(Math.max(budget, 43));
            assertThat(s.text()).contains("Robots danced at the gala");
        }
    }

    @Test
    void widens_into_the_sentence_after_the_passage_when_the_budget_allows() {
        Passage p = passage(Optional.of("The gala is watched by millions of viewers every year."),
                Optional.of("Unitree made the robots."),
                "Sixteen robots danced at the gala.");

        ExcerptSelector.Selection s = new ExcerptSelector(400).select(p, terms("Which company made the robots at the gala?"),
                Set.of()).orElseThrow();

        assertThat(s.text()).contains("Sixteen robots danced at the gala. Unitree made the robots.");
        assertThat(s.lastSentence()).isEqualTo(11);
    }

    @Test
    void shortens_an_over_long_sentence_around_its_key_terms_at_word_boundaries() {
        String filler = "and then there was a long list of unrelated things ".repeat(8);
        Passage p = passage(Optional.empty(), Optional.empty(),
                "It began " + filler + "until the treaty of Aix-la-Chapelle ended the war " + filler + "and so on.");

        ExcerptSelector.Selection s = new ExcerptSelector(120).select(p, terms("treaty Aix-la-Chapelle"), Set.of())
                .orElseThrow();

        assertThat(s.text()).startsWith("…").endsWith("…").contains("treaty of Aix-la-Chapelle");
        assertThat(s.text().length()).isLessThanOrEqualTo(120);
        String inner = s.text().substring(1, s.text().length() - 1);
        assertThat(p.sentences().get(0)).contains(inner);
        assertThat(p.sentences().get(0).split(" ")).contains(inner.split(" ")[0]);
    }

    @Test
    void shortening_counts_each_key_term_once_so_the_window_with_the_most_different_terms_wins() {
        String repeats = "the port ".repeat(40);
        String filler = "and a long list of unrelated things went by ".repeat(6);
        Passage p = passage(Optional.empty(), Optional.empty(),
                "It began with " + repeats + filler + "until the crane lifted cargo at the port " + filler + "end.");

        ExcerptSelector.Selection s = new ExcerptSelector(100).select(p, terms("port crane cargo"), Set.of())
                .orElseThrow();

        assertThat(s.text()).contains("crane lifted cargo at the port");
    }

    @Test
    void skips_sentences_already_quoted_and_is_empty_when_nothing_is_left() {
        Passage p = passage(Optional.empty(), Optional.empty(), "Robots danced.", "Robots sang.");

        ExcerptSelector selector = new ExcerptSelector(400);
        assertThat(selector.select(p, terms("robots"), Set.of(10)).orElseThrow().text()).isEqualTo("Robots sang.");
        assertThat(selector.select(p, terms("robots"), Set.of(10, 11))).isEmpty();
    }

    @Test
    void marks_the_key_terms_in_the_chosen_text() {
        Passage p = passage(Optional.empty(), Optional.empty(), "Seated beside Jack Ma was Pony Ma.");

        ExcerptSelector.Selection s = new ExcerptSelector(400).select(p, terms("Jack Ma"), Set.of()).orElseThrow();

        assertThat(s.highlights()).extracting(h -> s.text().substring(h.start(), h.end()))
                .containsExactly("Jack Ma", "Ma");
    }
}
