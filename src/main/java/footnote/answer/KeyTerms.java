package footnote.answer;

import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question's key terms with their weights, matched against text through the index's own analysis, so that
 * "regulators" in a question finds "regulator" in a sentence just as BM25 did.
 */
final class KeyTerms {

    private final TextAnalysis analysis;
    private final Map<String, Double> weights;
    private final double total;

    KeyTerms(TextAnalysis analysis, Map<String, Double> weights) {
        this.analysis = analysis;
        this.weights = weights;
        this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The key terms that occur in {@code text}. */
    Set<String> in(String text) {
        Set<String> present = new HashSet<>();
        for (TextAnalysis.Token token : analysis.tokens(text)) {
            if (weights.containsKey(token.term())) {
                present.add(token.term());
            }
        }
        return present;
    }

    double weight(Set<String> terms) {
        return terms.stream().mapToDouble(t -> weights.getOrDefault(t, 0.0)).sum();
    }

    /** The weighted share of the key terms in {@code terms}: 1 when all are there, 0 when the question has none. */
    double coverage(Set<String> terms) {
        return total > 0 ? weight(terms) / total : 0;
    }

    /** Runs of {@code text} made of key terms; neighbouring terms separated only by spaces form one run. */
    List<Highlight> highlights(String text) {
        List<Highlight> runs = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (TextAnalysis.Token token : analysis.tokens(text)) {
            if (!weights.containsKey(token.term())) {
                continue;
            }
            if (start >= 0 && text.substring(end, token.start()).isBlank()) {
                end = token.end();
                continue;
            }
            if (start >= 0) {
                runs.add(new Highlight(start, end));
            }
            start = token.start();
            end = token.end();
        }
        if (start >= 0) {
            runs.add(new Highlight(start, end));
        }
        return runs;
    }

    /** The weight of one term: 0 for a word that is not a key term. */
    double weight(String term) {
        return weights.getOrDefault(term, 0.0);
    }

    List<TextAnalysis.Token> tokens(String text) {
        return analysis.tokens(text);
    }
}
