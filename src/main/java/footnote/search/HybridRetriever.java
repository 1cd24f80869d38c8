package footnote.search;

import footnote.corpus.Scope;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a question through BM25 and the dense index on one snapshot and fuses the two rankings. Thread-safe.
 */
public final class HybridRetriever {

    /** A question has at most this many key terms; the rest would only slow the search down. */
    static final int MAX_KEY_TERMS = 64;

    private final PassageIndex index;
    private final Embedder embedder;
    private final TextAnalysis analysis;
    private final Settings settings;

    /**
     * @param candidates  how many hits each search returns before fusion
     * @param denseWeight the dense list's weight in the fused score
     * @param depth       how many fused candidates are read back and returned
     */
    public record Settings(int candidates, double denseWeight, int depth) {
        public Settings {
            if (candidates < 1 || depth < 1 || depth > candidates) {
                throw new IllegalArgumentException("need 1 <= depth <= candidates, got " + depth + ", " + candidates);
            }
        }
    }

    public HybridRetriever(PassageIndex index, Embedder embedder, TextAnalysis analysis, Settings settings) {
        this.index = index;
        this.embedder = embedder;
        this.analysis = analysis;
        this.settings = settings;
    }

    public Retrieval retrieve(String question, Set<Scope> scopes) {
        List<String> keyTerms = analysis.keyTerms(question);
        if (keyTerms.size() > MAX_KEY_TERMS) {
            keyTerms = keyTerms.subList(0, MAX_KEY_TERMS);
        }
        long start = System.nanoTime();
        float[] vector = embedder.embedQuery(question);
        long embedded = System.nanoTime();
        try (IndexSnapshot snapshot = index.snapshot()) {
            List<Hit> lexical = snapshot.lexical(keyTerms, scopes, settings.candidates());
            List<Hit> dense = snapshot.nearest(vector, scopes, settings.candidates());
            long searched = System.nanoTime();
            List<Fusion.Fused> fused = Fusion.convex(lexical, dense, settings.denseWeight());
            List<Candidate> candidates = fused.stream()
                    .limit(settings.depth())
                    .map(f -> new Candidate(snapshot.passage(new Hit(f.handle(), (float) f.score())), f.score(),
                            f.bm25(), f.cosine()))
                    .toList();
            Map<String, Double> weights = new LinkedHashMap<>();
            Set<String> unseen = new HashSet<>();
            int passages = snapshot.passageCount();
            for (String term : keyTerms) {
                long frequency = snapshot.documentFrequency(term);
                weights.put(term, idf(frequency, passages));
                if (frequency == 0) {
                    unseen.add(term);
                }
            }
            double minCosine = dense.stream().mapToDouble(Hit::score).min().orElse(0);
            long fusedAt = System.nanoTime();
            return new Retrieval(candidates, weights, unseen, minCosine, vector, embedded - start, searched - embedded,
                    fusedAt - searched);
        }
    }

    /**
     * For each of the words (lower case, as written) that the sources never use, the closest word they do use,
     * when one is close enough; see {@link IndexSnapshot#correction}.
     */
    public Map<String, String> corrections(List<String> words) {
        Map<String, String> corrections = new LinkedHashMap<>();
        try (IndexSnapshot snapshot = index.snapshot()) {
            for (String word : words) {
                snapshot.correction(word).ifPresent(c -> corrections.put(word, c));
            }
        }
        return corrections;
    }

    /** BM25's inverse document frequency: rare terms weigh more, and a term no passage has weighs the most. */
    static double idf(long documentFrequency, int passages) {
        return Math.log(1 + (passages - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }
}
