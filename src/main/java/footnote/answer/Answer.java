package footnote.answer;

import java.util.List;

/**
 * The reply to a question: numbered excerpts, best first, or none when the sources do not answer it.
 */
public record Answer(String question, List<Excerpt> excerpts, Timings timings) {

    public Answer {
        excerpts = List.copyOf(excerpts);
    }

    public boolean found() {
        return !excerpts.isEmpty();
    }

    /** Where an answer's time went, in nanoseconds: benchmarks split latency by these. */
    public record Timings(long embedNanos, long searchNanos, long fusionNanos, long excerptNanos) {

        public long totalNanos() {
            return embedNanos + searchNanos + fusionNanos + excerptNanos;
        }
    }
}
