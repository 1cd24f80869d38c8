package footnote.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.corpus.Scope;
import footnote.testing.BundledAnswerer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversations over the bundled articles with the shipped model: follow-ups are answered as read in context and
 * the reading is shown; questions that stand alone get the answer they get alone. Written here, not taken from the
 * evaluation files.
 */
class BundledFollowUpsTest {

    private static BundledAnswerer bundled;
    private static FollowUps followUps;

    @BeforeAll
    static void index() throws Exception {
        bundled = new BundledAnswerer();
        followUps = bundled.followUps();
    }

    @AfterAll
    static void close() throws Exception {
        bundled.close();
    }

    /** Asks the questions in order as one conversation; returns what the last one got. */
    private static FollowUps.Answered converse(String... questions) {
        List<Turn> turns = new ArrayList<>();
        FollowUps.Answered answered = null;
        for (String question : questions) {
            answered = followUps.answer(question, turns, Set.of(Scope.GLOBAL));
            turns.add(answered.turn());
        }
        return answered;
    }

    @Test
    void he_after_a_who_question_is_the_person_it_was_answered_with() {
        FollowUps.Answered answered = converse("whos the boss of xiaomi", "what did he say at the symposium?");
        assertThat(answered.inContext()).hasValueSatisfying(read -> assertThat(read).contains("Lei Jun"));
        assertThat(answered.answer().excerpts().get(0).text()).contains("bridge the digital divide");
    }

    @Test
    void a_follow_up_typed_in_chat_words_is_read_as_written_out() {
        FollowUps.Answered answered = converse("who is pony ma?", "wat about lei jun?");
        assertThat(answered.inContext()).contains("who is lei jun?");
        assertThat(answered.answer().excerpts().get(0).text()).contains("Lei Jun");
    }

    @Test
    void it_is_the_last_questions_subject() {
        FollowUps.Answered answered = converse("what is yaoguang?", "who made it?");
        assertThat(answered.inContext()).contains("who made yaoguang?");
        assertThat(answered.answer().excerpts().get(0).text()).contains("Chinese scientists");
    }

    @Test
    void a_question_that_stands_alone_gets_the_answer_it_gets_alone() {
        String question = "what deadline does document 79 set?";
        FollowUps.Answered answered = converse("who is jack ma", question);
        Answer alone = bundled.answer(question);
        assertThat(answered.inContext()).isEmpty();
        assertThat(answered.answer().excerpts().get(0).text()).isEqualTo(alone.excerpts().get(0).text())
                .contains("2027 deadline");
    }

    @Test
    void thanks_after_an_answer_stay_small_talk() {
        FollowUps.Answered answered = converse("what is yaoguang?", "thanks, that helped!");
        assertThat(answered.inContext()).isEmpty();
        assertThat(answered.answer().outcome()).isInstanceOf(Answer.SmallTalk.class);
    }
}
