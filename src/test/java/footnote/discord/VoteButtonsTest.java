package footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.chat.Reply;
import footnote.insights.Vote;
import footnote.testing.Excerpts;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoteButtonsTest {

    @Test
    void a_custom_id_names_the_record_and_the_vote_and_reads_back() {
        String record = UUID.randomUUID().toString();

        String notHelpful = VoteButtons.customId(record, Vote.NOT_HELPFUL);

        assertThat(notHelpful).isEqualTo("vote:" + record + ":not-helpful").hasSizeLessThanOrEqualTo(100);
        assertThat(VoteButtons.press(notHelpful)).contains(new VoteButtons.Press(record, Vote.NOT_HELPFUL));
        assertThat(VoteButtons.press(VoteButtons.customId(record, Vote.HELPFUL)))
                .contains(new VoteButtons.Press(record, Vote.HELPFUL));
        assertThat(VoteButtons.commentedRecord(VoteButtons.modalId(record))).contains(record);
    }

    @Test
    void other_components_and_modals_are_not_feedback() {
        assertThat(VoteButtons.press("vote:abc:maybe")).isEmpty();
        assertThat(VoteButtons.press("page:2")).isEmpty();
        assertThat(VoteButtons.commentedRecord("vote:abc:helpful")).isEmpty();
    }

    @Test
    void only_an_answer_with_a_record_that_fits_a_custom_id_gets_buttons() {
        Reply.Answered answer = new Reply.Answered(Excerpts.answer("q", Excerpts.excerpt(1, Excerpts.SPEECH)), Optional.empty(), Optional.empty(),
                Optional.of("r1"));

        assertThat(VoteButtons.under(answer)).hasSize(1);
        assertThat(VoteButtons.under(new Reply.Answered(Excerpts.answer("q", Excerpts.excerpt(1, Excerpts.SPEECH))))).as("insights off").isEmpty();
        assertThat(VoteButtons.under(new Reply.Answered(Excerpts.answer("q", Excerpts.excerpt(1, Excerpts.SPEECH)), Optional.empty(), Optional.empty(),
                Optional.of("x".repeat(90))))).isEmpty();
        assertThat(VoteButtons.under(new Reply.Refusal("no"))).isEmpty();
    }
}
