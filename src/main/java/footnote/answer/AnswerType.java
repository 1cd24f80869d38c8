package footnote.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its question words: "when" asks for a date, "how many" for a
 * number, "who" for a person or organisation, "where" for a place. An excerpt that answers must hold something of
 * that kind beyond what the question itself names; one that only resembles the question often does not.
 */
enum AnswerType {
    DATE, NUMBER, PERSON, PLACE, REASON, YES_NO, OTHER;

    private static final Pattern DATE_Q = Pattern.compile(
            "\\b(?:what|which) (?:year|month|day|date|decade|century|time of year)\\b|\\bwhen\\b|\\bhow long ago\\b");
    private static final Pattern NUMBER_Q = Pattern.compile("\\bhow (?:many|much|long|far|old|big|large|tall|high|often"
            + "|fast|heavy|deep|wide)\\b|\\bwhat (?:percentage|percent|number|amount|proportion|share|size|fraction)\\b");
    private static final Pattern PERSON_Q = Pattern.compile("\\bwho(?:m|se|'s| is| was| are| were)?\\b");
    private static final Pattern PLACE_Q = Pattern.compile(
            "\\bwhere\\b|\\b(?:what|which) (?:city|country|state|place|region|location|town|continent|building)\\b");
    private static final Pattern REASON_Q = Pattern.compile("\\bwhy\\b|\\bwhat (?:caused|led to)\\b");
    private static final Pattern YES_NO_Q = Pattern.compile(
            "^(?:is|are|was|were|did|do|does|can|could|has|have|had|will|would|should)\\b");

    /** Whether an answer of this type has a shape that can be recognised in a sentence (a date, a number, a name). */
    boolean typed() {
        return this == DATE || this == NUMBER || this == PERSON || this == PLACE;
    }

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (DATE_Q.matcher(q).find()) {
            return DATE;
        }
        if (NUMBER_Q.matcher(q).find()) {
            return NUMBER;
        }
        if (PERSON_Q.matcher(q).find()) {
            return PERSON;
        }
        if (PLACE_Q.matcher(q).find()) {
            return PLACE;
        }
        if (REASON_Q.matcher(q).find()) {
            return REASON;
        }
        if (YES_NO_Q.matcher(q.strip()).find()) {
            return YES_NO;
        }
        return OTHER;
    }
}
