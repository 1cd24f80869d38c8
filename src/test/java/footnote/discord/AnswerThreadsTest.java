package footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A thread's name is the question as a member would title it, within Discord's 1 to 100 characters. */
class AnswerThreadsTest {

    @Test
    void mentions_emoji_timestamps_and_markdown_leave_the_name_and_links_keep_their_words() {
        assertThat(AnswerThreads.name("**Who** is <@123> and <@&45> in <#67>? @here <:pony:890> <t:1700000000:R>"))
                .isEqualTo("Who is and in?");
        assertThat(AnswerThreads.name("What does [the report](https://example.org/x) say about `Huawei`?"))
                .isEqualTo("What does the report say about Huawei?");
        assertThat(AnswerThreads.name("> quoted\n# heading\n-# small\nwhat   now?")).isEqualTo("quoted heading small what now?");
    }

    @Test
    void a_long_question_is_cut_at_a_word_and_an_empty_one_gets_a_plain_name() {
        String name = AnswerThreads.name("why " + "exactly ".repeat(40) + "did it happen?");

        assertThat(name).hasSizeLessThanOrEqualTo(AnswerThreads.MAX_NAME).endsWith("exactly…");
        assertThat(AnswerThreads.name("<@123> **  **")).isEqualTo(AnswerThreads.UNNAMED);
        assertThat(AnswerThreads.name("x".repeat(150))).hasSize(AnswerThreads.MAX_NAME);
    }
}
