package footnote.answer;

import footnote.search.Candidate;
import footnote.search.TextAnalysis;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a question's terms the sources write as names: members type "pony ma" and "deepseek" in lower case, but
 * the articles write them with capitals inside their sentences. A term counts as a name when most of its
 * occurrences in the retrieved passages are capitalised and do not open a sentence.
 */
final class SourceNames {

    /** Of a term's occurrences, the share that must be capitalised mid-sentence for it to be a name. */
    private static final double NAME_SHARE = 0.6;

    private SourceNames() {}

    static Set<String> in(List<Candidate> candidates, TextAnalysis analysis, Set<String> terms) {
        Map<String, int[]> counts = new HashMap<>();
        for (Candidate candidate : candidates) {
            for (String sentence : candidate.passage().sentences()) {
                for (TextAnalysis.Token token : analysis.tokens(sentence)) {
                    if (!terms.contains(token.term())) {
                        continue;
                    }
                    int[] c = counts.computeIfAbsent(token.term(), t -> new int[2]);
                    c[1]++;
                    boolean opening = sentence.substring(0, token.start()).isBlank();
                    if (!opening && Character.isUpperCase(sentence.codePointAt(token.start()))) {
                        c[0]++;
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        counts.forEach((term, c) -> {
            if (c[0] > 0 && c[0] >= NAME_SHARE * c[1]) {
                names.add(term);
            }
        });
        return names;
    }
}
