package footnote.eval;

import java.util.List;
import java.util.Optional;

/**
 * A question and the strings a good excerpt contains; no strings means the sources cannot answer it and the bot
 * must decline.
 *
 * @param kind the way the question is asked (casual, typo, trap...), when its file says: the report gives each
 *             kind its own row, so that a weakness of one kind is not averaged away
 */
public record EvalQuestion(String question, List<String> answers, Optional<String> kind) {

    public EvalQuestion {
        answers = List.copyOf(answers);
    }

    /** A question of no particular kind. */
    public EvalQuestion(String question, List<String> answers) {
        this(question, answers, Optional.empty());
    }

    public boolean answerable() {
        return !answers.isEmpty();
    }

    /** The same question counted as one the sources cannot answer; its kind is kept. */
    public EvalQuestion asUnanswerable() {
        return new EvalQuestion(question, List.of(), kind);
    }
}
