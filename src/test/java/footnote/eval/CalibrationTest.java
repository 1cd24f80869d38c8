package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Evidence;
import footnote.answer.EvidencePolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void chooses_a_threshold_between_answerable_and_unanswerable_evidence() {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(new Calibration.Sample(true, List.of(new Evidence(0.7 + i * 0.004, 0.6, 0))));
            samples.add(new Calibration.Sample(false, List.of(new Evidence(0.3 + i * 0.004, 0.1, 0))));
        }

        List<Calibration.Choice> choices = Calibration.choices(samples, new EvidencePolicy(0.5, 0.1, 0, 0.1), 0.0);

        Calibration.Choice best = choices.get(0);
        assertThat(best.wronglyDeclined()).isZero();
        assertThat(best.declinedUnanswerable()).isEqualTo(1.0);
        assertThat(best.policy().unknownNamePenalty()).isEqualTo(0.1);
        assertThat(samples).allSatisfy(s -> assertThat(best.policy().answers(best.policy().score(s.candidates().get(0))))
                .isEqualTo(s.answerable()));
    }

    @Test
    void spends_the_budget_of_wrong_declines_on_the_weakest_answerable_questions() {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new Calibration.Sample(true, List.of(new Evidence(i / 100.0, i / 100.0, 0))));
        }

        Calibration.Choice choice = Calibration.choices(samples, new EvidencePolicy(0.5, 0, 0, 0), 0.05).get(0);

        assertThat(choice.wronglyDeclined()).isEqualTo(0.05);
        assertThat(choice.declinedUnanswerable()).isNaN();
    }
}
