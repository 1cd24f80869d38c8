package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import footnote.search.Candidate;
import footnote.search.TextAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The constraints a question sets, measured on a passage: what the judge reads, not what the model makes of it. */
class PassageJudgeTest {

    private final TextAnalysis analysis = new TextAnalysis();
    private final PassageJudge judge = new PassageJudge(analysis);

    private Signals signals(String question, String published, String... sentences) {
        return signals(question, Set.of(), published, sentences);
    }

    private Signals signals(String question, Set<String> unseen, String published, String... sentences) {
        Map<String, Double> weights = new LinkedHashMap<>();
        analysis.keyTerms(question).forEach(t -> weights.put(t, 2.0));
        Question q = Question.read(question, weights, unseen, analysis);
        ArticleMetadata metadata = new ArticleMetadata("Harbour news", Optional.empty(), Optional.empty(),
                PublicationDate.parse(published), Optional.empty(), Optional.empty());
        Passage passage = new Passage("a", "s", Scope.GLOBAL, metadata, 1, 4, List.of(sentences), Optional.empty(),
                Optional.empty());
        return judge.judge(q, new Candidate(passage, 0.9, 5.0, 0.8), 0,
                new PassageJudge.Field(5.0, 0.3, 0, Map.of())).signals();
    }

    @Test
    void aSpeakerMustBeQuotedNotOnlyNamed() {
        assertThat(signals("what did Maria Costa say about the port", "2021",
                "Maria Costa runs the harbour.").get("speakerSilent")).isEqualTo(1);
        assertThat(signals("what did Maria Costa say about the port", "2021",
                "Maria Costa said the port would stay open.").get("speakerSilent")).isZero();
    }

    @Test
    void aWhenQuestionNeedsADateInTheBestSentenceOrTheNext() {
        assertThat(signals("when did the port open", "2021", "The port opened to great applause.")
                .get("typeMissing")).isEqualTo(1);
        assertThat(signals("when did the port open", "2021", "The port opened on 3 March 1921.")
                .get("typeMissing")).isZero();
    }

    @Test
    void aYearInTheQuestionIsMetByTheArticlesOwnDate() {
        assertThat(signals("what did the harbour do in 2021", "2021", "The harbour doubled its trade.")
                .get("missingNumbers")).isZero();
        assertThat(signals("what did the harbour do in 2019", "2021", "The harbour doubled its trade.")
                .get("missingNumbers")).isEqualTo(1);
    }

    @Test
    void aNegatedQuestionIsNotMetByAnAffirmingSentence() {
        assertThat(signals("which ship did not reach the port", "2021", "Three ships reached the port.")
                .get("negationUnmet")).isEqualTo(1);
        assertThat(signals("which ship did not reach the port", "2021", "The Aurora never reached the port.")
                .get("negationUnmet")).isZero();
    }

    @Test
    void wordsNoSourceHoldsCountByTheirShareOfTheQuestionsWeight() {
        Set<String> unseen = Set.copyOf(analysis.keyTerms("zeppelin"));
        assertThat(signals("when did the zeppelin reach the port", unseen, "2021", "The port opened in 1921.")
                .get("unseenShare")).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(signals("when did the ship reach the port", "2021", "The port opened in 1921.")
                .get("unseenShare")).isZero();
    }

    @Test
    void failedConstraintsAddUpAndDecisiveOnesWeighDouble() {
        Signals silent = signals("what did Maria Costa say about the port", "2021", "Maria Costa runs the harbour.");
        assertThat(silent.unmet()).isEqualTo(2);
    }
}
