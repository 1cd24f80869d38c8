package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code chat}.
 *
 * @param maxQuestionChars longer questions are refused with a message
 */
public record ChatConfig(Integer maxQuestionChars) {

    public ChatConfig {
        maxQuestionChars = requireNonNullElse(maxQuestionChars, 500);
    }

    public static ChatConfig defaults() {
        return new ChatConfig(null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks().check(maxQuestionChars >= 20, "chat.maxQuestionChars must be at least 20").list();
    }
}
