package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Outcome outcome(List<String> answers, String... shown) {
        return outcome(0.5, answers, shown);
    }

    private static Outcome outcome(double confidence, List<String> answers, String... shown) {
        return new Outcome(new EvalQuestion("q", answers), List.of(shown), confidence);
    }

    @Test
    void counts_hits_by_the_rank_of_the_first_excerpt_holding_an_answer() {
        List<Outcome> outcomes = List.of(
                outcome(0.9, List.of("Unitree"), "made by UNITREE robotics", "other"), // rank 1: positive
                outcome(0.0, List.of("2018"), "nothing", "in late 2018", "x"),          // rank 2: not in AUROC
                outcome(0.0, List.of("Wuzhen"), "a", "b", "c", "held in Wuzhen"),     // rank 4: no hit@3
                outcome(0.0, List.of("Didi")),                                          // wrongly declined
                outcome(0.1, List.of()),                                                // declined: right
                outcome(0.95, List.of(), "an unrelated passage"));                     // should have declined

        Metrics m = Metrics.of(outcomes);

        assertThat(m.answerable()).isEqualTo(4);
        assertThat(m.hit1()).isCloseTo(0.25, within(1e-9));
        assertThat(m.hit3()).isCloseTo(0.5, within(1e-9));
        assertThat(m.mrr()).isCloseTo((1 + 0.5 + 0.25) / 4, within(1e-9));
        assertThat(m.wronglyDeclined()).isCloseTo(0.25, within(1e-9));
        assertThat(m.unanswerable()).isEqualTo(2);
        assertThat(m.declinedUnanswerable()).isCloseTo(0.5, within(1e-9));
        assertThat(m.auroc()).isCloseTo(0.5, within(1e-9));
        assertThat(m.line()).isEqualTo(
                "hit@1=0.25 hit@3=0.50 mrr=0.44 declined_unanswerable=0.50 wrongly_declined=0.25 auroc=0.50");
    }

    @Test
    void figures_over_no_questions_are_not_available() {
        Metrics m = Metrics.of(List.of(outcome(List.of("x"), "x")));

        assertThat(m.declinedUnanswerable()).isNaN();
        assertThat(m.auroc()).isNaN();
        assertThat(m.line()).contains("declined_unanswerable=n/a").endsWith("auroc=n/a");
    }

    @Test
    void curly_quotes_match_straight_ones() {
        assertThat(outcome(List.of("assassin's maces"), "developing “assassin’s maces”").firstHit()).isEqualTo(1);
    }

    @Test
    void a_miss_is_an_unfound_answer_or_an_answered_unanswerable_question() {
        assertThat(outcome(List.of("x"), "no").missed()).isTrue();
        assertThat(outcome(List.of("x"), "x").missed()).isFalse();
        assertThat(outcome(List.of()).missed()).isFalse();
        assertThat(outcome(List.of(), "something").missed()).isTrue();
    }
}
