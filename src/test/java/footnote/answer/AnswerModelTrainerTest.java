package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerModelTrainerTest {

    private static final int COSINE = Signals.NAMES.indexOf("cosine");
    private static final int SENTENCE = Signals.NAMES.indexOf("sentenceCoverage");

    private static Signals signals(double cosine, double sentenceCoverage, Random random) {
        double[] v = new double[Signals.NAMES.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() * 0.1; // noise the model must learn to ignore
        }
        v[COSINE] = cosine;
        v[SENTENCE] = sentenceCoverage;
        return new Signals(v);
    }

    /**
     * A world where the answering candidate has the highest cosine, and answerable questions' best candidates
     * cover the question's terms while unanswerable ones do not.
     */
    private static List<AnswerModelTrainer.Seen> world() {
        Random random = new Random(7);
        List<AnswerModelTrainer.Seen> seen = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            boolean answerable = q % 2 == 0;
            List<Signals> candidates = new ArrayList<>();
            List<Boolean> answering = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                boolean answers = answerable && c == 2;
                candidates.add(signals(answers ? 0.8 : 0.3 + random.nextDouble() * 0.3,
                        answerable ? 0.7 + random.nextDouble() * 0.3 : random.nextDouble() * 0.4, random));
                answering.add(answers);
            }
            seen.add(new AnswerModelTrainer.Seen(new AnswerModelTrainer.Example("q" + q,
                    answerable ? List.of("a") : List.of()), candidates, answering));
        }
        return seen;
    }

    @Test
    void learnsWhichCandidateAnswersAndWhetherAnyDoes() {
        AnswerModel model = AnswerModelTrainer.train(world(), 0.05, 0.25, "a test world");
        Random random = new Random(99);
        Signals answering = signals(0.8, 0.9, random);
        Signals other = signals(0.4, 0.9, random);
        assertThat(model.rank(answering)).isGreaterThan(model.rank(other));
        Signals unanswered = signals(0.8, 0.1, random);
        assertThat(model.confidence(answering, model.rank(answering))).isGreaterThan(model.threshold());
        assertThat(model.confidence(unanswered, model.rank(unanswered))).isLessThan(model.threshold());
    }

    @Test
    void trainingIsDeterministic() {
        AnswerModel a = AnswerModelTrainer.train(world(), 0.05, 0.25, "a");
        AnswerModel b = AnswerModelTrainer.train(world(), 0.05, 0.25, "a");
        assertThat(a.ranker().weights()).containsExactly(b.ranker().weights());
        assertThat(a.threshold()).isEqualTo(b.threshold());
    }

    @Test
    void theWeightsSurviveAWriteAndARead(@TempDir Path dir) throws Exception {
        AnswerModel model = AnswerModelTrainer.train(world(), 0.05, 0.25, "a test world");
        Path file = dir.resolve("model.json");
        model.write(file);
        AnswerModel read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readString(file),
                AnswerModel.class);
        assertThat(read.decider().weights()).containsExactly(model.decider().weights(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(read.trainedOn()).isEqualTo("a test world");
    }

    @Test
    void weightsThatDifferOnlyInTheirLastBitsAreWrittenAsTheSameFile(@TempDir Path dir) throws Exception {
        AnswerModel model = AnswerModelTrainer.train(world(), 0.05, 0.25, "a test world");
        double[] nudged = model.ranker().weights().clone();
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] = nudged[i] + Math.ulp(nudged[i]) * 4; // what summing in another order does
        }
        AnswerModel other = new AnswerModel(model.signals(), new AnswerModel.Linear(model.ranker().mean(),
                model.ranker().scale(), nudged, model.ranker().bias()), model.decider(), model.threshold(),
                model.support(), model.trainedOn());
        model.write(dir.resolve("a.json"));
        other.write(dir.resolve("b.json"));

        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo(Files.readString(dir.resolve("b.json")));
    }

    @Test
    void theShippedModelMatchesTheSignalsMeasuredToday() {
        AnswerModel shipped = AnswerModel.shipped();
        assertThat(shipped.signals()).isEqualTo(Signals.NAMES);
        assertThat(shipped.threshold()).isBetween(0.0, 1.0);
        assertThat(shipped.trainedOn()).contains("footnote train");
    }

    @Test
    void aCandidateHoldsTheAnswerWhenItsTextContainsAnAnswerString() {
        assertThat(AnswerModelTrainer.holds("It opened in “1921”, they say.", List.of("\"1921\""))).isTrue();
        assertThat(AnswerModelTrainer.holds("It opened in 1921.", List.of("1922"))).isFalse();
    }
}
