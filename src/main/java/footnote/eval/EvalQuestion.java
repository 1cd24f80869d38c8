package footnote.eval;

import java.util.List;

/**
 * A question and the strings a good excerpt contains; no strings means the sources cannot answer it and the bot
 * must decline.
 */
public record EvalQuestion(String question, List<String> answers) {

    public EvalQuestion {
        answers = List.copyOf(answers);
    }

    public boolean answerable() {
        return !answers.isEmpty();
    }
}
