package footnote.bench;

import footnote.search.Embedder;
import java.util.Collections;
import java.util.List;

/**
 * An embedder that gives every text the same unit vector, for measurements where embeddings play no part (listing
 * sources): a corpus of 100,000 passages is then indexed in a minute instead of a quarter of an hour. Its model id
 * keeps such an index apart from any the bot answers from.
 */
public final class FixedEmbedder implements Embedder {

    private final float[] vector;

    public FixedEmbedder(int dimensions) {
        vector = new float[dimensions];
        vector[0] = 1;
    }

    @Override
    public String modelId() {
        return "fixed-" + vector.length;
    }

    @Override
    public float[] embedQuery(String question) {
        return vector.clone();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return Collections.nCopies(passages.size(), vector);
    }
}
