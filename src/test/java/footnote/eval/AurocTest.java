package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AurocTest {

    private static Outcome outcome(double confidence, List<String> answers, String... shown) {
        return new Outcome(new EvalQuestion("q", answers), List.of(shown), confidence);
    }

    @Test
    void is_one_when_every_positive_scores_above_every_negative() {
        assertThat(Auroc.of(new double[] {0.7, 0.9, 0.61}, new double[] {0.1, 0.6, 0.3})).isEqualTo(1.0);
    }

    @Test
    void is_zero_when_every_positive_scores_below_every_negative() {
        assertThat(Auroc.of(new double[] {0.1, 0.2}, new double[] {0.3, 0.9, 0.25})).isEqualTo(0.0);
    }

    @Test
    void counts_ties_as_half() {
        assertThat(Auroc.of(new double[] {0.4, 0.4}, new double[] {0.4, 0.4, 0.4})).isEqualTo(0.5);
        // pairs won: 0.9 beats both, 0.6 beats both, 0.4 loses to 0.5 and ties 0.4: 4.5 of 6
        assertThat(Auroc.of(new double[] {0.9, 0.6, 0.4}, new double[] {0.5, 0.4})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void is_not_available_when_a_class_is_empty() {
        assertThat(Auroc.of(new double[] {}, new double[] {0.2})).isNaN();
        assertThat(Auroc.of(new double[] {0.2}, new double[] {})).isNaN();
    }

    @Test
    void agrees_with_counting_every_pair_on_scores_with_many_ties() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            double[] positives = random.ints(1 + random.nextInt(40), 0, 12).mapToDouble(i -> i / 4.0).toArray();
            double[] negatives = random.ints(1 + random.nextInt(40), 0, 9).mapToDouble(i -> i / 4.0).toArray();
            double wins = 0;
            for (double p : positives) {
                for (double n : negatives) {
                    wins += p > n ? 1 : p == n ? 0.5 : 0;
                }
            }

            assertThat(Auroc.of(positives, negatives))
                    .isCloseTo(wins / (positives.length * negatives.length), within(1e-12));
        }
    }

    @Test
    void rejects_a_score_that_cannot_be_ranked() {
        assertThatThrownBy(() -> Auroc.of(new double[] {Double.NaN}, new double[] {0.1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void takes_answers_found_first_as_positives_and_unanswerable_questions_as_negatives() {
        List<Outcome> outcomes = List.of(
                outcome(0.8, List.of("1911"), "opened in 1911", "other"),  // positive
                outcome(0.6, List.of("ferry"), "the Ferry pier"),          // positive
                outcome(0.1, List.of("keeper"), "nothing", "the keeper"),  // found second: left out
                outcome(0.05, List.of("tide")),                            // declined: left out
                outcome(0.7, List.of()),                                   // negative, declined or not
                outcome(0.3, List.of(), "a passage"));                    // negative

        // 0.8 beats both negatives; 0.6 beats 0.3 only: 3 of 4. Counting the left-out two would make it 3 of 8.
        assertThat(Auroc.of(outcomes)).isCloseTo(0.75, within(1e-12));
        assertThat(Auroc.of(outcomes.subList(0, 4))).isNaN();
    }
}
