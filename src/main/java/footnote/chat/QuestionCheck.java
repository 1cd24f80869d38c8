package footnote.chat;

import java.lang.Character.UnicodeScript;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleans a question and refuses one that cannot be searched, each with a message the asker can act on: empty,
 * too long, no words, or not in the sources' language.
 */
public final class QuestionCheck {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Discord's mentions of members, roles and channels, custom emoji, and the mass mentions: no words in them. */
    private static final Pattern MENTION = Pattern.compile("<(?:@[!&]?|#)\\d+>|<a?:\\w+:\\d+>|@(?:everyone|here)\\b");
    /** A Markdown link keeps its words and loses its address: {@code [the report](https://…)} asks about "the report". */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\(\\s*<?[^)\\s]*>?\\s*\\)");
    private static final Pattern ADDRESS = Pattern.compile("<?\\bhttps?://[^\\s>]+>?");

    private final int maxChars;

    public QuestionCheck(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Control and formatting characters become spaces, runs of space one space; mentions, custom emoji and web
     * addresses are dropped and a Markdown link becomes its text, so a decorated question asks what it would ask
     * undecorated.
     */
    public String clean(String question) {
        String text = CONTROL.matcher(question).replaceAll(" ");
        text = LINK.matcher(text).replaceAll("$1");
        text = ADDRESS.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Why a cleaned question cannot be asked, if it cannot. */
    public Optional<String> problem(String question) {
        if (question.isEmpty()) {
            return Optional.of("Ask me a question about the sources, for example: Who founded Huawei?");
        }
        if (question.length() > maxChars) {
            return Optional.of("That question is " + question.length() + " characters long; please keep it under "
                    + maxChars + ".");
        }
        if (question.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("That has no words to search for; please ask a question in words.");
        }
        boolean hasLatinOrDigit = question.codePoints().anyMatch(
                c -> Character.isDigit(c) || (Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.LATIN));
        if (!hasLatinOrDigit) {
            return Optional.of("I can only search sources written in English; please ask in English.");
        }
        return Optional.empty();
    }
}
