package footnote.eval;

import java.util.List;
import java.util.Locale;

/**
 * What a system showed for one question.
 *
 * @param shown the excerpts as the user reads them, best first; empty when the system declined
 */
public record Outcome(EvalQuestion question, List<String> shown) {

    public Outcome {
        shown = List.copyOf(shown);
    }

    public boolean declined() {
        return shown.isEmpty();
    }

    /** The 1-based rank of the first excerpt that contains an answer string (case-insensitive), 0 if none does. */
    public int firstHit() {
        for (int i = 0; i < shown.size(); i++) {
            String excerpt = fold(shown.get(i));
            if (question.answers().stream().anyMatch(a -> excerpt.contains(fold(a)))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A miss: an answerable question without the answer in view, or an unanswerable one that was answered. */
    public boolean missed() {
        return question.answerable() ? firstHit() == 0 : !declined();
    }

    /** Case and curly quotes do not make a difference to a reader, so they make none here. */
    static String fold(String text) {
        return text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .toLowerCase(Locale.ROOT);
    }
}
