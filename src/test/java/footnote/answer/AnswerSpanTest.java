package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.search.TextAnalysis;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerSpanTest {

    private final TextAnalysis analysis = new TextAnalysis();
    private final AnswerSpan spans = new AnswerSpan(analysis);

    private Question question(String text, Map<String, Double> weights) {
        return Question.read(text, weights, java.util.Set.of(), analysis);
    }

    private static String span(String text, Optional<Highlight> span) {
        return span.map(h -> text.substring(h.start(), h.end())).orElse("(none)");
    }

    @Test
    void picksTheClauseThatNamesWhatAWhoQuestionAsks() {
        String excerpt = "The guests were the port's leaders: shipping chief Ana Lopes; harbour master Rui Dias;"
                + " and customs head Eva Reis.";
        Question q = question("who is the harbour master?", Map.of("harbour", 2.0, "master", 2.0));
        assertThat(span(excerpt, spans.in(q, excerpt))).isEqualTo("harbour master Rui Dias");
    }

    @Test
    void picksTheClauseWithTheNumberForAHowManyQuestion() {
        String excerpt = "The gala was long; sixteen robots danced with the crowd. Everyone cheered.";
        Question q = question("how many robots danced", Map.of("robot", 2.0, "danc", 2.0));
        assertThat(span(excerpt, spans.in(q, excerpt))).isEqualTo("sixteen robots danced with the crowd.");
    }

    @Test
    void givesNoneForQuestionsWhoseAnswerIsTheWholeSentence() {
        String excerpt = "The mill closed because the river dried up.";
        Question q = question("why did the mill close", Map.of("mill", 2.0, "close", 2.0));
        assertThat(spans.in(q, excerpt)).isEmpty();
    }

    @Test
    void givesNoneWhenNoClauseHoldsTheKindOfAnswer() {
        String excerpt = "The council met in the town hall.";
        Question q = question("when did the council meet", Map.of("council", 2.0, "meet", 1.0));
        assertThat(spans.in(q, excerpt)).isEmpty();
    }
}
