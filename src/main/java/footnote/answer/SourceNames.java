package footnote.answer;

import footnote.search.Candidate;
import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The question's names as typed, in order: each name word with the words beside it that the sources write
     * capitalised together with it ("world internet conference" for "World Internet Conference", though "world"
     * and "conference" alone are no names), and a number after one ("document 79").
     */
    static List<String> phrases(String text, Question question, List<Candidate> candidates, TextAnalysis analysis) {
        List<TextAnalysis.Token> tokens = analysis.tokens(text);
        List<String> phrases = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            // A number the sources write after a capitalised word names something too: "Document 79".
            boolean named = question.names().contains(tokens.get(i).term())
                    || (i > 0 && question.numbers().contains(tokens.get(i).term())
                    && joined(text, tokens.get(i - 1), tokens.get(i), candidates));
            if (!named) {
                i++;
                continue;
            }
            int from = i;
            int to = i;
            while (from > 0 && joined(text, tokens.get(from - 1), tokens.get(from), candidates)) {
                from--;
            }
            while (to + 1 < tokens.size() && adjoins(text, tokens.get(to), tokens.get(to + 1))
                    && (question.numbers().contains(tokens.get(to + 1).term())
                    || question.names().contains(tokens.get(to + 1).term())
                    || joined(text, tokens.get(to), tokens.get(to + 1), candidates))) {
                to++;
            }
            phrases.add(text.substring(tokens.get(from).start(), tokens.get(to).end()));
            i = to + 1;
        }
        return phrases.stream().distinct().toList();
    }

    private static boolean capital(int c) {
        return Character.isUpperCase(c) || Character.isDigit(c);
    }

    private static boolean adjoins(String text, TextAnalysis.Token a, TextAnalysis.Token b) {
        return text.substring(a.end(), b.start()).isBlank();
    }

    /**
     * Whether two neighbouring words of the question stand capitalised side by side in a retrieved passage (a
     * number counts as capitalised).
     */
    private static boolean joined(String text, TextAnalysis.Token a, TextAnalysis.Token b, List<Candidate> candidates) {
        if (!adjoins(text, a, b)) {
            return false;
        }
        Pattern pair = Pattern.compile("\\b" + Pattern.quote(text.substring(a.start(), a.end())) + "\\s+"
                + Pattern.quote(text.substring(b.start(), b.end())) + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (Candidate candidate : candidates) {
            Matcher m = pair.matcher(candidate.passage().text());
            while (m.find()) {
                String found = m.group();
                int second = found.length() - (b.end() - b.start());
                if (capital(found.codePointAt(0)) && capital(found.codePointAt(second))) {
                    return true;
                }
            }
        }
        return false;
    }
}
