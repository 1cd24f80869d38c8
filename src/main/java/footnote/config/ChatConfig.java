package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code chat}.
 *
 * @param maxQuestionChars    longer questions are refused with a message
 * @param conversationMinutes a conversation's context is dropped once nothing was asked in it for this long
 * @param conversationTurns   how many recent turns a follow-up is read against; the last one is nearly always what
 *                            it points at, and every turn kept is a member's question held in memory
 */
public record ChatConfig(Integer maxQuestionChars, Integer conversationMinutes, Integer conversationTurns) {

    public ChatConfig {
        maxQuestionChars = requireNonNullElse(maxQuestionChars, 500);
        conversationMinutes = requireNonNullElse(conversationMinutes, 10);
        conversationTurns = requireNonNullElse(conversationTurns, 3);
    }

    public static ChatConfig defaults() {
        return new ChatConfig(null, null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks().check(maxQuestionChars >= 20, "chat.maxQuestionChars must be at least 20")
                .check(conversationMinutes >= 1 && conversationMinutes <= 24 * 60,
                        "chat.conversationMinutes must be between 1 and 1440")
                .check(conversationTurns >= 1 && conversationTurns <= 10, "chat.conversationTurns must be between 1 and 10")
                .list();
    }
}
