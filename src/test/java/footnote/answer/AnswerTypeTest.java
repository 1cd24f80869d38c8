package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTypeTest {

    @Test
    void a_question_about_when_asks_for_a_time() {
        assertThat(AnswerType.of("When was the symposium?")).isEqualTo(AnswerType.TIME);
        assertThat(AnswerType.of("ok so when did xi meet the tech ceos")).isEqualTo(AnswerType.TIME);
        assertThat(AnswerType.of("What year was the watchdog founded?")).isEqualTo(AnswerType.TIME);
        assertThat(AnswerType.of("On which date did the ban start?")).isEqualTo(AnswerType.TIME);
    }

    @Test
    void other_questions_ask_for_anything_even_with_when_further_on() {
        assertThat(AnswerType.of("What happened when Jack Ma spoke?")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("Who sat at the table with Jack Ma?")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("Which company made the robots?")).isEqualTo(AnswerType.ANY);
        assertThat(AnswerType.of("Tell me about the gala")).isEqualTo(AnswerType.ANY);
    }

    @Test
    void a_time_is_a_year_a_decade_a_month_or_weekday_name_or_a_numeric_date() {
        for (String text : new String[] {"It met on 17 Feb.", "It met on February 17.", "Founded in 2011, it grew.",
                "In the 1950s, Mao borrowed it.", "The summit on Monday ended.", "Sept. 26 was the day.",
                "It opened 2025-02-17."}) {
            assertThat(AnswerType.TIME.heldBy(text)).as(text).isTrue();
        }
    }

    @Test
    void numbers_and_the_verb_may_are_no_time() {
        for (String text : new String[] {"Sixteen robots danced.", "It cost $5.58 million.", "It has 671 billion"
                + " parameters.", "They may march on.", "More than 1 million users.", "The wall holds 192 patents."}) {
            assertThat(AnswerType.TIME.heldBy(text)).as(text).isFalse();
        }
        assertThat(AnswerType.ANY.heldBy("Sixteen robots danced.")).isTrue();
    }
}
