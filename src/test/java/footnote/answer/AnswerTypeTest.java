package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTypeTest {

    @Test
    void readsTheKindOfAnswerFromTheQuestionWords() {
        assertThat(AnswerType.of("when did the council first meet?")).isEqualTo(AnswerType.DATE);
        assertThat(AnswerType.of("In what year was the bridge finished")).isEqualTo(AnswerType.DATE);
        assertThat(AnswerType.of("how many ships sailed")).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.of("how much did the port cost?")).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.of("who's the harbour master")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("where was the treaty signed")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("why did the mill close")).isEqualTo(AnswerType.REASON);
        assertThat(AnswerType.of("did the mayor resign?")).isEqualTo(AnswerType.YES_NO);
        assertThat(AnswerType.of("what did the report recommend")).isEqualTo(AnswerType.OTHER);
    }

    @Test
    void onlyDatesNumbersAndNamesHaveAShapeToLookFor() {
        assertThat(AnswerType.DATE.typed()).isTrue();
        assertThat(AnswerType.PERSON.typed()).isTrue();
        assertThat(AnswerType.REASON.typed()).isFalse();
        assertThat(AnswerType.OTHER.typed()).isFalse();
    }
}
