package footnote.answer;

import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in an excerpt, the clause that answers the question itself: for a question that asks for a date, a number,
 * a person or a place, the clause of the answering sentence that holds one (beyond what the question names) beside
 * most of the question's key terms. "Tencent chief Pony Ma Huateng" answers "who runs Tencent?" within a sentence
 * that lists five leaders. Other questions get none: their answer is the sentence itself.
 */
final class AnswerSpan {

    /** Clause boundaries: semicolons, colons, dashes and brackets; commas only inside long clauses. */
    private static final Pattern STRONG = Pattern.compile("[;:()]|\\s[—–-]\\s|—|(?<=[.!?])\\s+");
    private static final Pattern COMMA = Pattern.compile(",\\s");
    private static final Pattern JOINER = Pattern.compile("(?:and|or|but|while|whereas)\\s+");
    /** A clause longer than this is split at its commas too. */
    private static final int LONG_CLAUSE = 160;

    private final TextAnalysis analysis;

    AnswerSpan(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The answering clause in {@code excerpt}, if the question's kind of answer can be seen in one. */
    Optional<Highlight> in(Question question, String excerpt) {
        if (!question.type().typed()) {
            return Optional.empty();
        }
        Highlight best = null;
        double bestWeight = 0;
        for (int[] clause : clauses(excerpt)) {
            String text = excerpt.substring(clause[0], clause[1]);
            List<TextAnalysis.Token> tokens = analysis.tokens(text);
            if (SentenceFacts.candidates(question.type(), text, tokens, question.weights().keySet()).isEmpty()) {
                continue;
            }
            double weight = tokens.stream().map(TextAnalysis.Token::term).distinct()
                    .mapToDouble(t -> question.weights().getOrDefault(t, 0.0)).sum();
            if (weight > bestWeight) {
                best = new Highlight(clause[0], clause[1]);
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<int[]> clauses(String text) {
        List<int[]> clauses = new ArrayList<>();
        for (int[] strong : split(STRONG, text, 0, text.length())) {
            if (strong[1] - strong[0] > LONG_CLAUSE) {
                clauses.addAll(split(COMMA, text, strong[0], strong[1]));
            } else {
                clauses.add(strong);
            }
        }
        return clauses;
    }

    /** The parts of {@code text[from, to)} between matches of {@code boundary}, trimmed, empty ones left out. */
    private static List<int[]> split(Pattern boundary, String text, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        Matcher m = boundary.matcher(text).region(from, to);
        int start = from;
        while (m.find()) {
            add(parts, text, start, m.start());
            start = m.end();
        }
        add(parts, text, start, to);
        return parts;
    }

    private static void add(List<int[]> parts, String text, int start, int end) {
        while (start < end && !Character.isLetterOrDigit(text.charAt(start)) && text.charAt(start) != '$'
                && text.charAt(start) != '“' && text.charAt(start) != '"') {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        // A clause does not open on the conjunction that joined it to the last one.
        Matcher joined = JOINER.matcher(text).region(start, end);
        if (joined.lookingAt()) {
            start = joined.end();
        }
        if (end > start) {
            parts.add(new int[] {start, end});
        }
    }
}
