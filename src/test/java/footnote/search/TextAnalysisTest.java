package footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private final TextAnalysis analysis = new TextAnalysis();

    @Test
    void key_terms_leave_out_question_words_and_are_stemmed_like_the_index() {
        assertThat(analysis.keyTerms("How many robots performed in the gala dance?"))
                .containsExactly("robot", "perform", "gala", "danc");
        assertThat(analysis.keyTerms("What did Xi's regulators say?")).containsExactly("xi", "regul", "sai");
    }

    @Test
    void key_terms_are_listed_once_each() {
        assertThat(analysis.keyTerms("Jack Ma and Pony Ma")).containsExactly("jack", "ma", "poni");
    }

    @Test
    void tokens_carry_their_offsets_in_the_original_text() {
        String text = "Regulators met Schrödinger’s cat.";

        List<TextAnalysis.Token> tokens = analysis.tokens(text);

        assertThat(tokens).extracting(TextAnalysis.Token::term).containsExactly("regul", "met", "schroding", "cat");
        assertThat(text.substring(tokens.get(2).start(), tokens.get(2).end())).isEqualTo("Schrödinger’s");
    }

    @Test
    void accents_are_folded_so_names_match_without_them() {
        assertThat(analysis.keyTerms("Who was Schrodinger?")).containsExactly("schroding");
    }

    @Test
    void punctuation_alone_has_no_key_terms() {
        assertThat(analysis.keyTerms("?!...")).isEmpty();
    }
}
