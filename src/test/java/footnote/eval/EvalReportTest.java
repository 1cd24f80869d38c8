package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private static Outcome outcome(String kind, double confidence, List<String> answers, String... shown) {
        return new Outcome(new EvalQuestion("q " + kind + " " + confidence, answers, Optional.ofNullable(kind)),
                List.of(shown), confidence);
    }

    /** Two kinds with one class each and one with both, so that per-kind AUROC is defined for one kind only. */
    private static final List<Outcome> OWN = List.of(
            outcome("lookup", 0.9, List.of("pier"), "the old pier"),        // hit@1, positive
            outcome("lookup", 0.2, List.of("1911")),                         // wrongly declined
            outcome("trap", 0.1, List.of()),                                 // declined: right, negative
            outcome("trap", 0.8, List.of(), "a passage"),                   // answered: wrong, negative
            outcome("mixed", 0.7, List.of("keeper"), "the keeper lit it"),  // hit@1, positive
            outcome("mixed", 0.3, List.of()));                               // declined: right, negative

    private static List<String> print(List<EvalReport.Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EvalReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), rows, 10);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The cells of the first table row labelled {@code label} at or after line {@code from}. */
    private static List<String> cells(List<String> lines, int from, String label) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(label + " ")) {
                return Arrays.stream(lines.get(i).substring(label.length()).trim().split("\\s+"))
                        .filter(cell -> !cell.equals("|")).toList();
            }
        }
        throw new AssertionError("no row " + label + " in\n" + String.join("\n", lines));
    }

    @Test
    void prints_a_row_per_kind_under_each_system_with_every_column() {
        List<Outcome> baseline = OWN.stream().map(o -> new Outcome(o.question(), List.of("nothing useful"), 1)).toList();

        List<String> lines = print(List.of(new EvalReport.Row("footnote", OWN), new EvalReport.Row("bm25", baseline)));

        int own = lines.indexOf(lines.stream().filter(l -> l.startsWith("footnote ")).findFirst().orElseThrow());
        // answerable, hit@1, hit@3, MRR, wrongly, unanswerable, declined, AUROC: 0.9 and 0.7 beat 5 of 6 negatives
        assertThat(cells(lines, 0, "footnote"))
                .containsExactly("3", "0.667", "0.667", "0.667", "0.333", "3", "0.667", "0.833");
        assertThat(cells(lines, own, "  lookup"))
                .containsExactly("2", "0.500", "0.500", "0.500", "0.500", "0", "n/a", "n/a");
        assertThat(cells(lines, own, "  trap"))
                .containsExactly("0", "n/a", "n/a", "n/a", "n/a", "2", "0.500", "n/a");
        assertThat(cells(lines, own, "  mixed"))
                .containsExactly("1", "1.000", "1.000", "1.000", "0.000", "1", "1.000", "1.000");
        int bm25 = lines.indexOf(lines.stream().filter(l -> l.startsWith("bm25 ")).findFirst().orElseThrow());
        assertThat(bm25).isGreaterThan(own + 3);
        assertThat(cells(lines, bm25, "  trap"))
                .containsExactly("0", "n/a", "n/a", "n/a", "n/a", "2", "0.000", "n/a");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(
                "hit@1=0.67 hit@3=0.67 mrr=0.67 declined_unanswerable=0.67 wrongly_declined=0.33 auroc=0.83");
    }

    @Test
    void prints_only_the_totals_when_no_question_has_a_kind() {
        List<Outcome> plain = OWN.stream()
                .map(o -> new Outcome(new EvalQuestion(o.question().question(), o.question().answers()), o.shown(),
                        o.confidence()))
                .toList();

        List<String> lines = print(List.of(new EvalReport.Row("footnote", plain)));

        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("system")).findFirst().orElseThrow());
        assertThat(lines.subList(header + 1, lines.size()))
                .hasSize(2)
                .noneMatch(l -> l.startsWith("  "));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(Metrics.of(plain).line());
    }

    @Test
    void prints_how_long_replies_are_and_how_long_those_that_quote_are() {
        List<String> lines = print(List.of(
                new EvalReport.Row("footnote", OWN, List.of(1_200, 180, 180, 900, 1_500, 180))));

        assertThat(lines).contains("Discord reply length: median 180, p90 1,500 characters"
                + " (6 replies; the 3 that quote: median 1,200, p90 1,500)");
        assertThat(lines.get(lines.size() - 1)).startsWith("hit@1=");
    }

    @Test
    void a_miss_names_its_kind_and_the_confidence_behind_it() {
        List<String> lines = print(List.of(new EvalReport.Row("footnote", OWN)));

        assertThat(lines).containsSequence("- [lookup] q lookup 0.2", "  expected: 1911; confidence 0.200",
                "  shown: nothing (declined)");
    }

    @Test
    void wants_one_reply_length_per_outcome() {
        assertThatThrownBy(() -> new EvalReport.Row("footnote", OWN, List.of(100, 200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 lengths for 6 outcomes");
    }
}
