package footnote.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A question and the strings a good excerpt contains; no strings means the sources cannot answer it and the bot
 * must decline.
 *
 * @param kind   the way the question is asked (casual, typo, trap...), when its file says: the report gives each
 *               kind its own row, so that a weakness of one kind is not averaged away
 * @param before the turns asked before it in the same conversation, oldest first; only the question is scored
 */
public record EvalQuestion(String question, List<String> answers, Optional<String> kind, List<String> before) {

    /** The kind of the last turn of a conversation that names no kind of its own. */
    public static final String FOLLOW_UP = "follow-up";

    public EvalQuestion {
        answers = List.copyOf(answers);
        before = List.copyOf(before);
    }

    /** A question asked on its own. */
    public EvalQuestion(String question, List<String> answers, Optional<String> kind) {
        this(question, answers, kind, List.of());
    }

    /** A question of no particular kind. */
    public EvalQuestion(String question, List<String> answers) {
        this(question, answers, Optional.empty());
    }

    /** The same question asked after {@code turn}, in the same conversation, after any turns it had. */
    public EvalQuestion after(String turn) {
        List<String> turns = new ArrayList<>();
        turns.add(turn);
        turns.addAll(before);
        return new EvalQuestion(question, answers, kind, turns);
    }

    public boolean answerable() {
        return !answers.isEmpty();
    }

    /** The same question counted as one the sources cannot answer; its kind is kept. */
    public EvalQuestion asUnanswerable() {
        return new EvalQuestion(question, List.of(), kind, before);
    }
}
