package footnote.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Prints an evaluation: each miss of the first system with what it showed, then one table row per system, each
 * followed by a row per kind of question when the questions have kinds, then how long the replies are, and last
 * the first system's figures on one machine-readable line.
 */
public final class EvalReport {

    /**
     * One system's outcomes on the questions, in order.
     *
     * @param replyChars the length of each outcome's reply as a Discord member sees it, in the same order; empty
     *                   for a system that has no replies of its own (the baseline)
     */
    public record Row(String system, List<Outcome> outcomes, List<Integer> replyChars) {

        public Row {
            outcomes = List.copyOf(outcomes);
            replyChars = List.copyOf(replyChars);
            if (!replyChars.isEmpty() && replyChars.size() != outcomes.size()) {
                throw new IllegalArgumentException("one reply length per outcome, or none: " + replyChars.size()
                        + " lengths for " + outcomes.size() + " outcomes");
            }
        }

        public Row(String system, List<Outcome> outcomes) {
            this(system, outcomes, List.of());
        }

        public Metrics metrics() {
            return Metrics.of(outcomes);
        }

        /** The lengths of the replies that quote excerpts, leaving out declines, which are all the same. */
        List<Integer> quotingReplyChars() {
            return IntStream.range(0, replyChars.size())
                    .filter(i -> !outcomes.get(i).declined()).mapToObj(replyChars::get).toList();
        }
    }

    private static final int QUOTE_CHARS = 300;
    private static final String HEADER = "%-28s %10s %6s %6s %6s %9s | %12s %9s | %6s";
    private static final String ROW = "%-28s %10d %6s %6s %6s %9s | %12d %9s | %6s";

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
        out.println(String.format(Locale.ROOT, HEADER,
                "system, kind", "answerable", "hit@1", "hit@3", "MRR", "wrongly", "unanswerable", "declined", "AUROC"));
        for (Row row : rows) {
            printRow(out, row.system(), row.metrics());
            for (Kinds.Group group : Kinds.of(row.outcomes())) {
                printRow(out, "  " + group.kind(), group.metrics());
            }
        }
        for (Row row : rows) {
            printReplyLengths(out, row, row != own);
        }
        out.println(own.metrics().line());
    }

    private static void printRow(PrintStream out, String label, Metrics m) {
        out.println(String.format(Locale.ROOT, ROW,
                label, m.answerable(), f3(m.hit1()), f3(m.hit3()), f3(m.mrr()), f3(m.wronglyDeclined()),
                m.unanswerable(), f3(m.declinedUnanswerable()), f3(m.auroc())));
    }

    /** "Discord reply length: median 1,140, p90 1,690 characters (...)", for a system that has replies. */
    private static void printReplyLengths(PrintStream out, Row row, boolean name) {
        Optional<ReplyLengths> all = ReplyLengths.of(row.replyChars());
        if (all.isEmpty()) {
            return;
        }
        Optional<ReplyLengths> quoting = ReplyLengths.of(row.quotingReplyChars());
        out.println(String.format(Locale.ROOT, "Discord reply length%s: median %,d, p90 %,d characters (%d replies%s)",
                name ? " of " + row.system() : "", all.get().median(), all.get().p90(), all.get().count(),
                quoting.map(q -> String.format(Locale.ROOT, "; the %d that quote: median %,d, p90 %,d",
                        q.count(), q.median(), q.p90())).orElse("; none quotes")));
    }

    private static void printMiss(PrintStream out, Outcome miss) {
        EvalQuestion q = miss.question();
        out.println("- " + q.kind().map(k -> "[" + k + "] ").orElse("") + q.question());
        out.println("  expected: " + (q.answerable() ? String.join(" | ", q.answers()) : "to decline")
                + String.format(Locale.ROOT, "; confidence %.3f", miss.confidence()));
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
