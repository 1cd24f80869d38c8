package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the shipped embedding model: small talk is recognised by meaning, and questions are not taken for it. */
class SmallTalkTest {

    private static SmallTalk smallTalk;

    @BeforeAll
    static void load() {
        smallTalk = new SmallTalk(new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15));
    }

    @Test
    void recognisesGreetingsThanksAndQuestionsAboutTheBot() {
        for (String greeting : List.of("hello there!", "good evening folks", "heya", "hi all")) {
            assertThat(smallTalk.kind(greeting)).as(greeting).contains(Answer.SmallTalk.Kind.GREETING);
        }
        for (String thanks : List.of("thank u so much", "cheers for that", "great, thx!", "ty that's helpful")) {
            assertThat(smallTalk.kind(thanks)).as(thanks).contains(Answer.SmallTalk.Kind.THANKS);
        }
        for (String about : List.of("are you human?", "is this a bot", "what are u", "who built you?")) {
            assertThat(smallTalk.kind(about)).as(about).contains(Answer.SmallTalk.Kind.ABOUT_BOT);
        }
    }

    @Test
    void doesNotTakeQuestionsAboutTheSourcesForSmallTalk() {
        for (String question : List.of("who founded the shipyard?", "what did the minister say about tariffs",
                "who are the people at the meeting", "thanks, and when did the plant open?",
                "what can the new chips do", "how are the farmers doing this year")) {
            assertThat(smallTalk.kind(question)).as(question).isEmpty();
        }
    }
}
