package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KindsTest {

    private static Outcome outcome(String question, Optional<String> kind) {
        return new Outcome(new EvalQuestion(question, List.of("x"), kind), List.of("x"), 1);
    }

    @Test
    void groups_outcomes_by_kind_in_the_order_kinds_first_appear() {
        List<Outcome> outcomes = List.of(
                outcome("a", Optional.of("typo")),
                outcome("b", Optional.of("short")),
                outcome("c", Optional.of("typo")),
                outcome("d", Optional.empty()));

        List<Kinds.Group> groups = Kinds.of(outcomes);

        assertThat(groups).extracting(Kinds.Group::kind).containsExactly("typo", "short", Kinds.NO_KIND);
        assertThat(groups.get(0).outcomes()).extracting(o -> o.question().question()).containsExactly("a", "c");
        assertThat(groups.get(2).outcomes()).extracting(o -> o.question().question()).containsExactly("d");
    }

    @Test
    void makes_no_groups_when_no_question_has_a_kind() {
        assertThat(Kinds.of(List.of(outcome("a", Optional.empty()), outcome("b", Optional.empty())))).isEmpty();
    }
}
