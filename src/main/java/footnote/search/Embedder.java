package footnote.search;

import java.util.List;

/** Turns text into unit-length vectors for dense retrieval. Implementations must be thread-safe. */
public interface Embedder {

    /** Names the model and its use of it; part of the index signature, so a new model rebuilds the index. */
    String modelId();

    float[] embedQuery(String question);

    List<float[]> embedPassages(List<String> passages);
}
