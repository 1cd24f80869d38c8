package footnote.eval;

import java.util.List;
import java.util.Locale;

/**
 * Summary figures over a set of outcomes. For answerable questions: hit@1 and hit@3 (an answer string in the first
 * 1 or 3 excerpts shown), MRR over the excerpts shown, and the share wrongly declined; for unanswerable ones, the
 * share correctly declined; over both, the {@link Auroc} of the system's confidence. A figure over no questions is
 * NaN.
 */
public record Metrics(
        int answerable, double hit1, double hit3, double mrr, double wronglyDeclined,
        int unanswerable, double declinedUnanswerable, double auroc) {

    public static Metrics of(List<Outcome> outcomes) {
        List<Outcome> yes = outcomes.stream().filter(o -> o.question().answerable()).toList();
        List<Outcome> no = outcomes.stream().filter(o -> !o.question().answerable()).toList();
        return new Metrics(
                yes.size(),
                share(yes.stream().filter(o -> o.firstHit() == 1).count(), yes.size()),
                share(yes.stream().filter(o -> o.firstHit() >= 1 && o.firstHit() <= 3).count(), yes.size()),
                yes.isEmpty() ? Double.NaN
                        : yes.stream().mapToDouble(o -> o.firstHit() == 0 ? 0 : 1.0 / o.firstHit()).average().orElse(0),
                share(yes.stream().filter(Outcome::declined).count(), yes.size()),
                no.size(),
                share(no.stream().filter(Outcome::declined).count(), no.size()),
                Auroc.of(outcomes));
    }

    private static double share(long count, int total) {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    /**
     * The machine-readable line: {@code hit@1=0.87 hit@3=0.97 mrr=0.91 declined_unanswerable=0.88
     * wrongly_declined=0.03 auroc=0.94}. Scripts parse it, so keys are only ever appended.
     */
    public String line() {
        return String.format(Locale.ROOT,
                "hit@1=%s hit@3=%s mrr=%s declined_unanswerable=%s wrongly_declined=%s auroc=%s",
                f(hit1), f(hit3), f(mrr), f(declinedUnanswerable), f(wronglyDeclined), f(auroc));
    }

    static String f(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
