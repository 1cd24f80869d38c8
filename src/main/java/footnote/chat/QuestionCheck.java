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

    private final int maxChars;

    public QuestionCheck(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Control and formatting characters become spaces, runs of space one space. */
    public String clean(String question) {
        return WHITESPACE.matcher(CONTROL.matcher(question).replaceAll(" ")).replaceAll(" ").strip();
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
