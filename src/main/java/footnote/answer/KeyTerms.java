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

    /** Weight of the key-term tokens lying wholly inside {@code [from, to)} of {@code text}. */
    double weightWithin(List<TextAnalysis.Token> tokens, int from, int to) {
        double sum = 0;
        Set<String> seen = new HashSet<>();
        for (TextAnalysis.Token token : tokens) {
            if (token.start() >= from && token.end() <= to && seen.add(token.term())) {
                sum += weights.getOrDefault(token.term(), 0.0);
            }
        }
        return sum;
    }

    List<TextAnalysis.Token> tokens(String text) {
        return analysis.tokens(text);
    }
}
