package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.PassageKind;
import footnote.testing.BundledAnswerer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts that the bundled articles state only under a photo: the date of the February symposium stands in two
 * captions of the summit article and nowhere in its prose. They are found and quoted, and always as captions.
 */
class BundledCaptionsTest {

    private static BundledAnswerer bundled;

    @BeforeAll
    static void index() throws Exception {
        bundled = new BundledAnswerer();
    }

    @AfterAll
    static void close() throws Exception {
        bundled.close();
    }

    @Test
    void a_question_about_when_the_symposium_took_place_is_answered_by_the_caption_that_dates_it() {
        for (String question : List.of("When was the symposium?", "when was the symposium")) {
            Answer answer = bundled.answer(question);

            assertThat(answer.excerpts()).as(question).anySatisfy(e -> {
                assertThat(e.text()).containsAnyOf("17 Feb", "February 17");
                assertThat(e.kind()).isEqualTo(PassageKind.CAPTION);
                assertThat(e.citation().title()).startsWith("Xi Jinping’s Closed-Door Summit");
            });
        }
    }

    @Test
    void caption_text_is_never_quoted_as_prose_and_prose_never_as_a_caption() {
        List<String> questions = List.of("When was the symposium?", "Who shook hands with Xi Jinping?",
                "Where were Unitree's humanoid robots on display?", "Which tech leaders attended the symposium?",
                "When did Xi meet the private entrepreneurs?");
        for (String question : questions) {
            for (Excerpt e : bundled.answer(question).excerpts()) {
                boolean captionText = e.text().contains("centre, attends a symposium")
                        || e.text().contains("shakes hands with Huawei founder")
                        || e.text().contains("robots on display at the company’s offices");
                assertThat(e.kind()).as(question + ": " + e.text())
                        .isEqualTo(captionText ? PassageKind.CAPTION : PassageKind.PROSE);
                assertThat(e.text()).doesNotContain("Photo:", "Xinhua", "Handout");
            }
        }
    }
}
