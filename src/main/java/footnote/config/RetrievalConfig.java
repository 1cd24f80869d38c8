package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code retrieval}.
 *
 * @param candidates      hits taken from each of BM25 and the vector search before fusion
 * @param denseWeight     weight of the vector search in the fused score (BM25 gets the rest)
 * @param depth           fused candidates considered for excerpts
 * @param passageWords    the most words in a passage (a longer single sentence stays whole)
 * @param minPassageWords a shorter paragraph joins the next one
 */
public record RetrievalConfig(Integer candidates, Double denseWeight, Integer depth, Integer passageWords,
        Integer minPassageWords) {

    public RetrievalConfig {
        candidates = requireNonNullElse(candidates, 100);
        denseWeight = requireNonNullElse(denseWeight, 0.5);
        depth = requireNonNullElse(depth, 10);
        passageWords = requireNonNullElse(passageWords, 60);
        minPassageWords = requireNonNullElse(minPassageWords, 20);
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(null, null, null, null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(candidates >= 1 && candidates <= 1000, "retrieval.candidates must be between 1 and 1000")
                .check(depth >= 1 && depth <= candidates,
                        "retrieval.depth must be between 1 and retrieval.candidates")
                .check(denseWeight >= 0 && denseWeight <= 1, "retrieval.denseWeight must be between 0 and 1")
                .check(minPassageWords >= 1 && passageWords >= minPassageWords,
                        "need 1 <= retrieval.minPassageWords <= retrieval.passageWords")
                .list();
    }
}
