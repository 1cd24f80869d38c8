package footnote.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model's rewrite is searched only when every word of it comes from the conversation or the follow-up. */
class RewriteCheckTest {

    private static final String FOLLOW_UP = "when did he start it?";

    private final footnote.search.TextAnalysis analysis = new footnote.search.TextAnalysis();
    private final RewriteCheck check = new RewriteCheck(analysis);
    private final List<Turn> recent = List.of(new Turn("Who founded Tencent?", List.of("Tencent"), true,
            List.of("Pony Ma founded Tencent in Shenzhen in 1998."), Optional.of("Pony Ma")));

    @AfterEach
    void close() {
        analysis.close();
    }

    private boolean keepsTo(String rewrite) {
        return check.keepsTo(rewrite, recent, FOLLOW_UP);
    }

    @Test
    void words_from_the_questions_the_quotes_and_the_follow_up_are_allowed() {
        assertThat(keepsTo("When did Pony Ma start Tencent?")).isTrue();
        assertThat(keepsTo("When did Pony Ma start Tencent in Shenzhen?")).isTrue();
    }

    @Test
    void another_form_case_or_possessive_of_a_conversation_word_is_allowed() {
        assertThat(keepsTo("when did pony ma start TENCENT")).isTrue();
        assertThat(keepsTo("When was Tencent's founding?")).isTrue();
        assertThat(keepsTo("When was Pony Ma's founding of Tencent?")).isTrue();
        assertThat(keepsTo("When was Tencent starting?")).isTrue();
    }

    @Test
    void a_name_nobody_said_is_refused() {
        assertThat(keepsTo("When did Robin Li start Tencent?")).isFalse();
        assertThat(keepsTo("When did Pony Ma start Baidu?")).isFalse();
    }

    @Test
    void a_word_nobody_said_is_refused_too() {
        assertThat(keepsTo("When did Pony Ma start Tencent in Beijing?")).isFalse();
        assertThat(keepsTo("Why did Pony Ma's founders start Tencent?")).as("'founders' is another word").isFalse();
    }

    @Test
    void more_than_one_line_is_refused() {
        assertThat(keepsTo("When did Pony Ma start Tencent?\nWhen did Pony Ma start Tencent?")).isFalse();
    }

    @Test
    void an_over_long_rewrite_is_refused_though_every_word_was_said() {
        String longRewrite = "When did Pony Ma start Tencent " + "in Shenzhen ".repeat(30) + "?";
        assertThat(longRewrite.length()).isGreaterThan(RewriteCheck.MAX_CHARS);

        assertThat(keepsTo(longRewrite)).isFalse();
    }

    @Test
    void an_empty_rewrite_or_one_of_stop_words_only_is_refused() {
        assertThat(keepsTo("")).isFalse();
        assertThat(keepsTo("   ")).isFalse();
        assertThat(keepsTo("when did it?")).isFalse();
    }
}
