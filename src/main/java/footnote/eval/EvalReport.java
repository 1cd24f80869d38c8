package footnote.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints an evaluation: each miss of the first system with what it showed, then one table row per system, then
 * the first system's figures on one machine-readable line (always last).
 */
public final class EvalReport {

    /** One system's outcomes on the questions, in order. */
    public record Row(String system, List<Outcome> outcomes) {
        public Metrics metrics() {
            return Metrics.of(outcomes);
        }
    }

    private static final int QUOTE_CHARS = 300;

    private EvalReport() {}

    /** @param maxMisses how many misses to print in full; the count of the rest is still given */
    public static void print(PrintStream out, List<Row> rows, int maxMisses) {
        Row own = rows.get(0);
        List<Outcome> misses = own.outcomes().stream().filter(Outcome::missed).toList();
        out.println("Misses of " + own.system() + ": " + misses.size() + " of " + own.outcomes().size() + " questions");
        misses.stream().limit(maxMisses).forEach(miss -> printMiss(out, miss));
        if (misses.size() > maxMisses) {
            out.println("  ... and " + (misses.size() - maxMisses) + " more (raise --misses to see them)");
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-28s %10s %6s %6s %6s %9s | %12s %9s",
                "system", "answerable", "hit@1", "hit@3", "MRR", "wrongly", "unanswerable", "declined"));
        for (Row row : rows) {
            Metrics m = row.metrics();
            out.println(String.format(Locale.ROOT, "%-28s %10d %6s %6s %6s %9s | %12d %9s",
                    row.system(), m.answerable(), f3(m.hit1()), f3(m.hit3()), f3(m.mrr()), f3(m.wronglyDeclined()),
                    m.unanswerable(), f3(m.declinedUnanswerable())));
        }
        out.println(own.metrics().line());
    }

    private static void printMiss(PrintStream out, Outcome miss) {
        EvalQuestion q = miss.question();
        out.println("- " + q.question());
        out.println("  expected: " + (q.answerable() ? String.join(" | ", q.answers()) : "to decline"));
        if (miss.declined()) {
            out.println("  shown: nothing (declined)");
        }
        for (int i = 0; i < miss.shown().size(); i++) {
            String text = miss.shown().get(i).replace('\n', ' ');
            out.println("  [" + (i + 1) + "] " + (text.length() > QUOTE_CHARS ? text.substring(0, QUOTE_CHARS) + "…" : text));
        }
    }

    private static String f3(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
