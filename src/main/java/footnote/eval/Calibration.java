package footnote.eval;

import footnote.answer.EvidencePolicy;
import footnote.answer.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the abstention policy from measured evidence instead of luck: for each candidate blend of cosine and
 * coverage, the lowest threshold that keeps wrongly declined answerable questions within a budget, and of those
 * the one that declines the most unanswerable questions.
 *
 * <p>A question is answered when any of its candidates passes the policy, exactly as the answerer decides.
 */
public final class Calibration {

    /** The evidence of every candidate the answerer considered for a question. */
    public record Sample(boolean answerable, List<Evidence> candidates) {}

    /** A policy and how it does on the samples. */
    public record Choice(EvidencePolicy policy, double wronglyDeclined, double declinedUnanswerable) {
        public String describe() {
            return String.format(Locale.ROOT, "cosineWeight=%.2f threshold=%.3f: wrongly_declined=%.3f"
                    + " declined_unanswerable=%.3f", policy.cosineWeight(), policy.threshold(), wronglyDeclined,
                    declinedUnanswerable);
        }
    }

    private Calibration() {}

    /**
     * The best choice for each cosine weight 0, 0.05 ... 1, best first.
     *
     * @param base the policy whose name penalty and margin are kept
     */
    public static List<Choice> choices(List<Sample> samples, EvidencePolicy base, double wronglyDeclinedBudget) {
        List<Choice> choices = new ArrayList<>();
        for (int step = 0; step <= 20; step++) {
            EvidencePolicy probe = new EvidencePolicy(step / 20.0, base.unknownNamePenalty(), 0, base.margin());
            best(samples, probe, wronglyDeclinedBudget).ifPresent(choices::add);
        }
        choices.sort(Comparator.comparingDouble(Choice::declinedUnanswerable).reversed()
                .thenComparingDouble(Choice::wronglyDeclined));
        return choices;
    }

    private static Optional<Choice> best(List<Sample> samples, EvidencePolicy probe, double budget) {
        List<Double> answerable = new ArrayList<>();
        List<Double> unanswerable = new ArrayList<>();
        for (Sample sample : samples) {
            double top = sample.candidates().stream().mapToDouble(probe::score).max().orElse(Double.NEGATIVE_INFINITY);
            (sample.answerable() ? answerable : unanswerable).add(top);
        }
        if (answerable.isEmpty()) {
            return Optional.empty();
        }
        answerable.sort(null);
        // Declining the lowest `allowed` answerable questions stays within budget; the threshold sits just above
        // the last of them, halfway to the next, so that a small drift in scores does not flip the decision.
        int allowed = Math.min(answerable.size() - 1, (int) Math.floor(budget * answerable.size()));
        double threshold = allowed == 0
                ? answerable.get(0) - 1e-6
                : (answerable.get(allowed - 1) + answerable.get(allowed)) / 2;
        double wrongly = answerable.stream().filter(s -> s < threshold).count() / (double) answerable.size();
        double declined = unanswerable.isEmpty() ? Double.NaN
                : unanswerable.stream().filter(s -> s < threshold).count() / (double) unanswerable.size();
        return Optional.of(new Choice(new EvidencePolicy(probe.cosineWeight(), probe.unknownNamePenalty(), threshold,
                probe.margin()), wrongly, declined));
    }
}
