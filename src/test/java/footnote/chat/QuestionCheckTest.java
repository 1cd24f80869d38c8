package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionCheckTest {

    private final QuestionCheck check = new QuestionCheck(500);

    @Test
    void an_ordinary_question_passes() {
        assertThat(check.problem(check.clean("Who founded Huawei?"))).isEmpty();
    }

    @Test
    void an_empty_or_blank_question_is_refused_with_an_example() {
        assertThat(check.problem(check.clean("   \t "))).hasValueSatisfying(m -> assertThat(m).contains("for example"));
    }

    @Test
    void a_too_long_question_is_refused_with_the_limit() {
        assertThat(check.problem(check.clean("why ".repeat(2500))))
                .hasValueSatisfying(m -> assertThat(m).contains("9999 characters").contains("under 500"));
    }

    @Test
    void punctuation_alone_is_refused() {
        assertThat(check.problem(check.clean("?!... ---"))).hasValueSatisfying(m -> assertThat(m).contains("no words"));
    }

    @Test
    void a_question_in_another_script_is_asked_to_come_in_english() {
        assertThat(check.problem(check.clean("华为的创始人是谁？"))).hasValueSatisfying(m -> assertThat(m).contains("English"));
        assertThat(check.problem(check.clean("华为 Huawei 的创始人是谁？"))).isEmpty();
    }

    @Test
    void control_characters_become_spaces() {
        assertThat(check.clean("Who\u0000 founded\u001b[31m Huawei?\u200b")).isEqualTo("Who founded [31m Huawei?");
    }

    @Test
    void mentions_and_mass_mentions_are_dropped_and_the_words_kept() {
        assertThat(check.clean("@everyone who founded Huawei?")).isEqualTo("who founded Huawei?");
        assertThat(check.clean("<@&123456789012345678> <@!42> who founded <#987> Huawei @here")).isEqualTo(
                "who founded Huawei");
        assertThat(check.clean("who founded Huawei <:thinking:112233>")).isEqualTo("who founded Huawei");
    }

    @Test
    void a_markdown_link_keeps_its_words_and_loses_its_address() {
        assertThat(check.clean("what does [the Xinhua report](http://127.0.0.1/x?a=1) say about Jack Ma"))
                .isEqualTo("what does the Xinhua report say about Jack Ma");
        assertThat(check.clean("who is <https://example.org/ma> Jack Ma")).isEqualTo("who is Jack Ma");
    }

    @Test
    void a_question_of_mentions_only_is_refused_as_having_no_words() {
        assertThat(check.problem(check.clean("<@123> @everyone")))
                .hasValueSatisfying(m -> assertThat(m).contains("for example"));
    }
}
