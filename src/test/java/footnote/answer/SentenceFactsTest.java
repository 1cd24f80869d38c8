package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.search.TextAnalysis;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceFactsTest {

    private final TextAnalysis analysis = new TextAnalysis();

    private boolean holds(AnswerType type, String sentence, String... questionTerms) {
        return SentenceFacts.holds(type, sentence, analysis.tokens(sentence), Set.of(questionTerms));
    }

    @Test
    void seesDatesInTheirCommonShapes() {
        assertThat(holds(AnswerType.DATE, "The council met on 17 Feb to vote.")).isTrue();
        assertThat(holds(AnswerType.DATE, "It opened on March 3, 1921.")).isTrue();
        assertThat(holds(AnswerType.DATE, "The council met in the town hall.")).isFalse();
    }

    @Test
    void aNumberTheQuestionStatesAnswersNothing() {
        assertThat(holds(AnswerType.DATE, "The 2021 meeting was long.", "2021")).isFalse();
        assertThat(holds(AnswerType.NUMBER, "Sixteen robots danced in 2021.", "2021")).isTrue();
    }

    @Test
    void aWhoQuestionNeedsANameTheQuestionDoesNotGive() {
        assertThat(holds(AnswerType.PERSON, "The harbour was run by Maria Costa for years.", "harbour")).isTrue();
        assertThat(holds(AnswerType.PERSON, "The Harbour was busy.", "harbour")).isFalse();
    }

    @Test
    void untypedQuestionsAreMetByAnySentence() {
        assertThat(holds(AnswerType.REASON, "Because it rained.")).isTrue();
    }

    @Test
    void recognisesReportedSpeechAndNegation() {
        assertThat(SentenceFacts.reportsSpeech("The mayor said the port would stay open.")).isTrue();
        assertThat(SentenceFacts.reportsSpeech("“We stay,” she told reporters.")).isTrue();
        assertThat(SentenceFacts.reportsSpeech("The port stayed open.")).isFalse();
        assertThat(SentenceFacts.negated("The mayor did not resign.")).isTrue();
        assertThat(SentenceFacts.negated("The mayor resigned.")).isFalse();
    }
}
