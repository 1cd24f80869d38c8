package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.eval.EvalQuestion;
import footnote.summary.Summarizer;
import footnote.testing.BundledAnswers;
import footnote.testing.Replies;
import footnote.discord.DiscordRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replies as members see them, for the development questions answered by the real answerer over the bundled
 * articles, with the summary the bot ships with (extractive): short enough to read in Discord, never saying a
 * sentence twice, and still holding the answer wherever the excerpts did.
 */
class BundledRepliesTest {

    private static final List<Rendered> replies = new ArrayList<>();

    private record Rendered(EvalQuestion question, boolean answerHeld, String discord, String terminal) {}

    @BeforeAll
    static void answerAndRender() throws Exception {
        Summarizer summarizer = Summarizer.extractive();
        DiscordRenderer discord = new DiscordRenderer();
        TextRenderer terminal = new TextRenderer();
        for (BundledAnswers.Asked a : BundledAnswers.devQuestions()) {
            Reply reply = new Reply.Answered(a.answer(), summarizer.summarize(a.answer()).join());
            boolean held = a.answer().excerpts().stream().anyMatch(e -> holdsAnswer(e.text(), a.question()));
            replies.add(new Rendered(a.question(), held, discord.render(reply).content(), terminal.render(reply)));
        }
    }

    @AfterAll
    static void forget() {
        replies.clear();
    }

    /**
     * Before, a one-line question got 1,750-2,075 characters in Discord (median 1,830 on these questions): a
     * summary quoting sentences the quotes repeat, a citation line per excerpt with a file name. The issue's
     * target is a median of 1,200, quotes and citations included.
     */
    @Test
    void the_median_discord_answer_fits_in_1200_characters_and_every_one_in_discords_limit() {
        List<Integer> lengths = replies.stream().filter(r -> r.discord().contains("> **[1]**"))
                .map(r -> r.discord().length()).sorted().toList();

        int median = lengths.get(lengths.size() / 2);
        System.out.printf("Discord answers to %d dev questions: median %d characters, longest %d%n", lengths.size(),
                median, lengths.get(lengths.size() - 1));
        assertThat(lengths).hasSizeGreaterThanOrEqualTo(25);
        assertThat(median).isLessThanOrEqualTo(1_200);
        assertThat(lengths.get(lengths.size() - 1)).isLessThanOrEqualTo(DiscordRenderer.MAX_CONTENT);
    }

    @Test
    void no_reply_says_a_sentence_twice_in_discord_or_the_terminal() {
        for (Rendered r : replies) {
            assertThat(Replies.repeatedSentences(r.discord())).as(r.discord()).isEmpty();
            assertThat(Replies.repeatedSentences(r.terminal())).as(r.terminal()).isEmpty();
        }
    }

    /** Shortening takes only sentences holding no key term: it must never take the answer with them. */
    @Test
    void the_discord_reply_holds_the_answer_wherever_the_excerpts_did() {
        List<Rendered> held = replies.stream().filter(Rendered::answerHeld).toList();

        assertThat(held).hasSizeGreaterThanOrEqualTo(25);
        assertThat(held).allSatisfy(r -> assertThat(holdsAnswer(Replies.plain(r.discord()), r.question()))
                .as(r.discord()).isTrue());
    }

    @Test
    void discord_citations_name_no_file() {
        assertThat(replies).allSatisfy(r -> assertThat(r.discord()).doesNotContain(".md"));
        assertThat(replies).anySatisfy(r -> assertThat(r.terminal()).contains(".md"));
    }

    private static boolean holdsAnswer(String text, EvalQuestion question) {
        String lower = text.toLowerCase(Locale.ROOT);
        return question.answers().stream().anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)));
    }
}
