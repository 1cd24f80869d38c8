package footnote.eval;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import java.util.List;
import java.util.Locale;

/**
 * What a system showed for one question.
 *
 * @param shown      the excerpts as the user reads them, best first; empty when the system declined
 * @param confidence how sure the system is that its first excerpt answers, on its own scale (higher is surer): only
 *                   compared between outcomes of the same system, so it needs no common unit
 */
public record Outcome(EvalQuestion question, List<String> shown, double confidence) {

    public Outcome {
        shown = List.copyOf(shown);
    }

    /**
     * Footnote's answer as a reader meets it. Only a found answer shows excerpts: a decline, a near-miss decline and
     * small talk show none, so they count as declined and no text of theirs can count as a hit. The confidence is
     * kept whatever the outcome, since a decline is exactly where a threshold-free figure needs it.
     */
    public static Outcome of(EvalQuestion question, Answer answer) {
        List<String> shown = answer.outcome() instanceof Answer.Found found
                ? found.excerpts().stream().map(Excerpt::text).toList()
                : List.of();
        return new Outcome(question, shown, answer.confidence());
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
