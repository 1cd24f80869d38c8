package footnote.eval;

import java.util.List;
import java.util.Optional;

/**
 * How long replies are, in characters: the median and the 90th percentile, each by nearest rank (so each is the
 * length of a reply that was actually given). A reader weighs a reply by its length, so this is a quality figure,
 * not only a formatting one.
 */
public record ReplyLengths(int count, int median, int p90) {

    /** @return empty when there are no lengths */
    public static Optional<ReplyLengths> of(List<Integer> lengths) {
        if (lengths.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> sorted = lengths.stream().sorted().toList();
        return Optional.of(new ReplyLengths(sorted.size(), rank(sorted, 50), rank(sorted, 90)));
    }

    /** The smallest value with at least {@code percent}% of the values at or below it (integer maths: no rounding). */
    private static int rank(List<Integer> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100; // ceil(percent% of n), 1-based
        return sorted.get(Math.max(1, rank) - 1);
    }
}
