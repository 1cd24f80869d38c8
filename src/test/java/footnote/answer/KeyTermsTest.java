package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footnote.search.TextAnalysis;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyTermsTest {

    private final KeyTerms terms = new KeyTerms(new TextAnalysis(), Map.of("regul", 3.0, "xi", 1.0));

    @Test
    void finds_key_terms_through_stemming() {
        assertThat(terms.in("The regulators met Xi.")).containsExactlyInAnyOrder("regul", "xi");
        assertThat(terms.in("Nothing here.")).isEmpty();
    }

    @Test
    void coverage_weighs_each_term_by_its_rarity() {
        assertThat(terms.coverage(terms.in("New regulations."))).isCloseTo(0.75, within(1e-9));
        assertThat(terms.coverage(terms.in("Xi spoke."))).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void a_question_without_key_terms_covers_nothing() {
        assertThat(new KeyTerms(new TextAnalysis(), Map.of()).coverage(java.util.Set.of())).isZero();
    }

    @Test
    void adjacent_key_terms_form_one_highlight() {
        String text = "Xi’s regulators, and Xi regulators.";

        assertThat(terms.highlights(text)).extracting(h -> text.substring(h.start(), h.end()))
                .containsExactly("Xi’s regulators", "Xi regulators");
    }
}
