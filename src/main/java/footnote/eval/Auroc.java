package footnote.eval;

import java.util.Arrays;
import java.util.List;

/**
 * How well a system's confidence tells the questions it should answer from those it should decline, whatever
 * threshold it declines at: the area under the ROC curve, i.e. the probability that a random positive scores above
 * a random negative, ties counting half (the Mann-Whitney U statistic over both counts). 1 separates perfectly,
 * 0.5 is chance, below 0.5 is backwards.
 */
public final class Auroc {

    private Auroc() {}

    /**
     * Over outcomes: positives are answerable questions whose first excerpt shown holds an answer (confidence is
     * about the first excerpt), negatives are unanswerable questions. Answerable questions whose first excerpt
     * misses are neither: their confidence ought to be low, yet declining them is no success either.
     *
     * @return NaN when either class is empty
     */
    public static double of(List<Outcome> outcomes) {
        double[] positives = outcomes.stream().filter(o -> o.question().answerable() && o.firstHit() == 1)
                .mapToDouble(Outcome::confidence).toArray();
        double[] negatives = outcomes.stream().filter(o -> !o.question().answerable())
                .mapToDouble(Outcome::confidence).toArray();
        return of(positives, negatives);
    }

    /**
     * From ranks rather than from every pair, so that 10,000 answerable questions against 10,000 unanswerable ones
     * stay instant: tied scores share their average rank, which counts a tied pair as half.
     *
     * @return NaN when either class is empty
     * @throws IllegalArgumentException for a NaN score, which has no rank
     */
    public static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        int n = positives.length + negatives.length;
        double[][] scored = new double[n][];
        for (int i = 0; i < n; i++) {
            double score = i < positives.length ? positives[i] : negatives[i - positives.length];
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("A confidence is NaN, so it cannot be ranked");
            }
            scored[i] = new double[] {score, i < positives.length ? 1 : 0};
        }
        Arrays.sort(scored, (a, b) -> Double.compare(a[0], b[0]));
        double positiveRanks = 0;
        for (int from = 0; from < n; ) {
            int to = from;
            while (to < n && scored[to][0] == scored[from][0]) {
                to++;
            }
            double rank = (from + 1 + to) / 2.0; // the average of the 1-based ranks from+1 ... to
            for (int i = from; i < to; i++) {
                positiveRanks += scored[i][1] * rank;
            }
            from = to;
        }
        double u = positiveRanks - positives.length * (positives.length + 1) / 2.0;
        return u / ((double) positives.length * negatives.length);
    }
}
