package footnote.bench;

import java.io.Closeable;

/**
 * The floor under an answer on one backend: the embedding model embeds the question, then the backend's plain BM25
 * top-k and KNN top-k run on the same passages, with no scope filter, fusion or stored fields. Footnote cannot
 * answer faster than its parts do this.
 */
public interface Floor extends Closeable {

    /** Where the floor's time went, in nanoseconds. */
    record Timing(long embedNanos, long bm25Nanos, long knnNanos) {
        public long totalNanos() {
            return embedNanos + bm25Nanos + knnNanos;
        }
    }

    /** Runs the floor for one question; hit counts are added to {@code hits} so the JIT cannot skip the work. */
    Timing run(String question, int[] hits);
}
