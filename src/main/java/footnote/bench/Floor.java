package footnote.bench;

import footnote.search.Embedder;
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

    /** The embedding model the floor embeds questions with: the one the answers use. */
    Embedder embedder();

    /** The backend's plain BM25 top-k for the question's words; how many hits came back. */
    int bm25(String question);

    /** The backend's plain KNN top-k for the vector; how many hits came back. */
    int knn(float[] vector);

    /**
     * Runs the floor for one question, timing each part the same way on every backend; hit counts are added to
     * {@code hits} so the JIT cannot skip the work.
     */
    default Timing run(String question, int[] hits) {
        long start = System.nanoTime();
        float[] vector = embedder().embedQuery(question);
        long embedded = System.nanoTime();
        hits[0] += bm25(question);
        long lexical = System.nanoTime();
        hits[0] += knn(vector);
        long dense = System.nanoTime();
        return new Timing(embedded - start, lexical - embedded, dense - lexical);
    }
}
