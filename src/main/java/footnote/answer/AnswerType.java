package footnote.answer;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, as far as its question word tells: a time ("When did Xi meet the tech
 * CEOs?", "What year was it founded?"), or anything. A passage that states no time at all cannot answer a question
 * about when, however close its meaning: "when was the symposium" is answered by the caption that dates it, not by
 * the sentences that discuss it.
 */
enum AnswerType {
    TIME,
    ANY;

    /** The question's first question word; "what happened when …" asks what, not when. */
    private static final Pattern QUESTION_WORD = Pattern.compile(
            "(?i)\\b(when|what|which|who|whom|whose|where|why|how)\\b(?:\\s+(\\p{L}+))?");
    /** What a "what …" or "which …" question names when it asks for a time. */
    private static final Pattern TIME_NOUN = Pattern.compile(
            "(?i)dates?|years?|days?|months?|decades?|century|centuries|time");
    private static final Pattern TIME_EXPRESSION = timeExpression();

    static AnswerType of(String question) {
        Matcher m = QUESTION_WORD.matcher(question);
        if (!m.find()) {
            return ANY;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        boolean asksTime = word.equals("when") || (word.equals("what") || word.equals("which"))
                && m.group(2) != null && TIME_NOUN.matcher(m.group(2)).matches();
        return asksTime ? TIME : ANY;
    }

    /** Whether {@code text} can hold this kind of answer: any text can hold "any"; a time needs a date or a year. */
    boolean heldBy(String text) {
        return this == ANY || TIME_EXPRESSION.matcher(text).find();
    }

    /**
     * A year (1500 to 2099, a decade such as "1950s" included), a month's or a weekday's name, written in full or
     * short as English dates are ("17 Feb", "February 17", "Sept. 26", "on Monday"), or a numeric date (2025-02-17,
     * 17/02/2025). Month and weekday names are capitalised in English, so "may" the verb is not a month.
     */
    private static Pattern timeExpression() {
        List<String> names = new ArrayList<>();
        for (Month month : Month.values()) {
            names.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            names.add(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + "\\.?");
        }
        names.add("Sept\\.?");
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return Pattern.compile("\\b(?:1[5-9]|20)\\d\\d(?:s|’s|'s)?\\b(?![.,]?\\d)"
                + "|\\b(?:" + String.join("|", names) + ")(?![\\p{L}])"
                + "|\\b\\d{1,4}[-/]\\d{1,2}[-/]\\d{1,4}\\b");
    }
}
