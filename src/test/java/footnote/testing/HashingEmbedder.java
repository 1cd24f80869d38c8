package footnote.testing;

import footnote.search.Embedder;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in embedding model for fast tests: each word is hashed into one of 64 dimensions, so texts that share
 * words are close and texts that share none are orthogonal. Deterministic and thread-safe.
 */
public final class HashingEmbedder implements Embedder {

    private static final int DIMENSIONS = 64;

    @Override
    public String modelId() {
        return "hashing-64";
    }

    @Override
    public float[] embedQuery(String question) {
        return embed(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return passages.stream().map(HashingEmbedder::embed).toList();
    }

    static float[] embed(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
