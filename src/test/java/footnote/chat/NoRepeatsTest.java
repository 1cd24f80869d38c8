package footnote.chat;

import static footnote.testing.Excerpts.LEADERS;
import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.SPEECH;
import static footnote.testing.Excerpts.SUMMIT;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.answering;
import static footnote.testing.Excerpts.excerpt;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.summary.Summarizer;
import footnote.summary.Summary;
import footnote.testing.Replies;
import footnote.discord.DiscordRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One reply says each sentence once: the summary adds to the quotes instead of quoting them again. */
class NoRepeatsTest {

    /** Answers whose summary, quoting a sentence, would repeat a quote; and one whose answer span adds to them. */
    private static final List<Answer> ANSWERS = List.of(
            answer("Who sat with Jack Ma?", answering(excerpt(1, SPEECH + " " + SEATED, "Jack", "Ma"), SEATED),
                    excerpt(2, LEADERS, "leaders")),
            answer("Did Jack Ma speak?", answering(excerpt(1, SPEECH, "Jack", "Ma", "speech"), SPEECH)),
            answer("When did Xi launch the summit?", answering(excerpt(1, SUMMIT, "summit"), "in 2014"),
                    excerpt(2, SPEECH + " " + LEADERS, "leaders"), excerpt(3, SEATED, "Jack")),
            answer("Who was there?", excerpt(1, LEADERS, "leaders"), excerpt(2, SEATED, "Seated")));

    /** A model that copies the first excerpt whole, then adds one sentence of its own. */
    private static final Summarizer COPYING_MODEL = new Summarizer(Summarizer.Mode.MODEL,
            Optional.of(prompt -> SEATED + " [1] " + LEADERS + " [2] Jack Ma sat with Lei Jun [1]."), 3,
            Duration.ofSeconds(5), Runnable::run);

    @Test
    void no_sentence_appears_twice_in_a_terminal_or_discord_reply_whatever_the_summary() {
        for (Summarizer summarizer : List.of(Summarizer.extractive(), COPYING_MODEL)) {
            for (Answer answer : ANSWERS) {
                Reply reply = new Reply.Answered(answer, summarizer.summarize(answer).join());

                String discord = new DiscordRenderer().render(reply).content();
                String terminal = new TextRenderer().render(reply);

                assertThat(Replies.repeatedSentences(discord)).as(discord).isEmpty();
                assertThat(Replies.repeatedSentences(terminal)).as(terminal).isEmpty();
            }
        }
    }

    @Test
    void the_summary_that_is_left_adds_the_answer_or_the_models_own_words() {
        Reply extractive = new Reply.Answered(ANSWERS.get(2), Summarizer.extractive().summarize(ANSWERS.get(2)).join());
        Reply model = new Reply.Answered(ANSWERS.get(0), COPYING_MODEL.summarize(ANSWERS.get(0)).join());

        assertThat(new DiscordRenderer().render(extractive).content()).startsWith("**In short:** “in 2014” [1]\n\n");
        assertThat(new TextRenderer().render(model)).startsWith("In short (written by a language model from the"
                + " excerpts): Jack Ma sat with Lei Jun. [1]\n\n");
    }

    @Test
    void a_summary_quoting_a_sentence_again_is_what_the_check_catches() {
        // The extractive summary as it was: the best sentence of each excerpt, which the quotes then repeated.
        Summary old = new Summary(List.of(new Summary.Sentence(SEATED, List.of(1))), Summary.Origin.EXTRACTIVE,
                Optional.empty());
        Reply reply = new Reply.Answered(ANSWERS.get(0), Optional.of(old));

        assertThat(Replies.repeatedSentences(new DiscordRenderer().render(reply).content())).isNotEmpty();
        assertThat(Replies.repeatedSentences(new TextRenderer().render(reply))).isNotEmpty();
    }
}
