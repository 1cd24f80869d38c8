package footnote.bench;

import java.util.Arrays;

/** Median, 99th percentile and maximum of a set of durations, in milliseconds. */
public record Percentiles(double p50, double p99, double max, int count) {

    public static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(millis(sorted[(sorted.length - 1) / 2]),
                millis(sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)]),
                millis(sorted[sorted.length - 1]), sorted.length);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
