package footnote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses a lexical and a dense ranking into one: a convex blend of min-max-normalised scores. Measured here on
 * SQuAD (see {@code shared/docs/retrieval-notes.md}), this beat reciprocal rank fusion, which throws away how far
 * ahead the best hit is and lets the weaker dense list pull good BM25 hits down. A passage missing from one list
 * scores 0 there: it ranked below everything that list returned.
 */
public final class Fusion {

    private Fusion() {}

    /** A passage in the fused ranking, with the raw scores it had in each list (NaN where it was absent). */
    public record Fused(int handle, double score, double bm25, double cosine) {}

    /**
     * @param denseWeight weight of the dense list in [0, 1]; the lexical list gets the rest
     */
    public static List<Fused> convex(List<Hit> lexical, List<Hit> dense, double denseWeight) {
        if (denseWeight < 0 || denseWeight > 1) {
            throw new IllegalArgumentException("denseWeight must be within [0, 1], got " + denseWeight);
        }
        Map<Integer, double[]> byHandle = new HashMap<>();
        // Slots: 0 fused score, 1 raw BM25, 2 raw cosine.
        normalise(lexical, (1 - denseWeight), byHandle, 1);
        normalise(dense, denseWeight, byHandle, 2);
        List<Fused> fused = new ArrayList<>(byHandle.size());
        byHandle.forEach((handle, s) -> fused.add(new Fused(handle, s[0], s[1], s[2])));
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::handle));
        return fused;
    }

    private static void normalise(List<Hit> hits, double weight, Map<Integer, double[]> into, int rawSlot) {
        double min = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        double max = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        double range = max - min;
        for (Hit hit : hits) {
            // With one hit, or all tied, each is as good as the best the list found.
            double normalised = range > 0 ? (hit.score() - min) / range : 1.0;
            double[] slots = into.computeIfAbsent(hit.handle(), h -> new double[] {0, Double.NaN, Double.NaN});
            slots[0] += weight * normalised;
            slots[rawSlot] = hit.score();
        }
    }
}
