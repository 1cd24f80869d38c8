package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Bm25BaselineTest {

    @Test
    void cuts_text_into_fixed_windows_of_one_hundred_words() {
        String text = IntStream.range(0, 250).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        List<String> windows = Bm25Baseline.windows(text);

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).split(" ")).hasSize(100).startsWith("w0");
        assertThat(windows.get(2).split(" ")).hasSize(50).startsWith("w200");
    }

    private static Bm25Baseline baseline() {
        return new Bm25Baseline(List.of(
                Fixtures.article("a", "A", "Zebras live on the savanna and drink at rivers."),
                Fixtures.article("b", "B", "Giraffes eat leaves from tall trees."),
                Fixtures.article("c", "C", "Tall giraffes and tall trees: giraffes eat what grows tall.")));
    }

    @Test
    void shows_the_best_windows_for_a_question_and_never_declines() throws Exception {
        try (Bm25Baseline baseline = baseline()) {

            assertThat(baseline.search("What do zebras drink?", 3)).first()
                    .extracting(Bm25Baseline.Hit::text).asString().contains("drink at rivers");
            assertThat(baseline.search("?!", 3)).isEmpty();
        }
    }

    @Test
    void gives_each_window_its_bm25_score_best_first() throws Exception {
        try (Bm25Baseline baseline = baseline()) {

            List<Bm25Baseline.Hit> hits = baseline.search("tall giraffes", 3);

            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).text()).startsWith("Tall giraffes");
            assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
            assertThat(hits.get(1).score()).isPositive();
        }
    }

    @Test
    void its_confidence_is_the_top_score_and_zero_when_nothing_matches() throws Exception {
        try (Bm25Baseline baseline = baseline()) {
            EvalQuestion weak = new EvalQuestion("where do zebras live", List.of("savanna"));
            EvalQuestion strong = new EvalQuestion("tall giraffes eat tall trees", List.of("giraffes"));
            EvalQuestion nothing = new EvalQuestion("quantum chromodynamics", List.of());

            Outcome outcome = baseline.outcome(strong, 3);

            assertThat(outcome.confidence()).isEqualTo(baseline.search(strong.question(), 3).get(0).score());
            assertThat(outcome.shown()).hasSize(2).first().asString().startsWith("Tall giraffes");
            assertThat(outcome.confidence()).isGreaterThan(baseline.outcome(weak, 3).confidence());
            assertThat(baseline.outcome(nothing, 3).declined()).isTrue();
            assertThat(baseline.outcome(nothing, 3).confidence()).isZero();
        }
    }
}
