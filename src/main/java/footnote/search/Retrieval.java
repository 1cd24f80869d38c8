package footnote.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What retrieval found for a question: ranked candidates, the question's key terms with their weights (inverse
 * document frequency, as BM25 uses) and which of them the index has never seen, and where the time went.
 *
 * @param unseenTerms key terms that no passage in the index contains
 * @param minCosine   the lowest cosine the dense search returned: a bound for candidates it did not return
 * @param vector      the question's embedding, for comparing the question with other texts
 */
public record Retrieval(
        List<Candidate> candidates,
        Map<String, Double> termWeights,
        Set<String> unseenTerms,
        double minCosine,
        float[] vector,
        long embedNanos,
        long searchNanos,
        long fusionNanos) {}
