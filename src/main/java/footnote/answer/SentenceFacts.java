package footnote.answer;

import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kinds of answer a sentence holds: dates, numbers and amounts, names, reported speech. Found by the shape of
 * the text (digits, month names, capitals, speech verbs, quotation marks), so it works on any article. Each is a
 * character span, so the clause that answers can be quoted on its own.
 */
final class SentenceFacts {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{1,2}(?:st|nd|rd|th)? " + MONTH
            + "(?: \\d{4})?|" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?(?:, \\d{4})?|" + MONTH + " \\d{4}|(?:early |late |mid-?)?"
            + "(?:1[0-9]|20)\\d{2}s?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "|(?:last|next|this) (?:year|month|week)|\\d{1,2}(?:st|nd|rd|th) century)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?:[$€£¥]\\s?)?\\b\\d[\\d,.]*(?:\\s?%|\\s(?:percent|per cent"
            + "|million|billion|trillion|thousand|hundred))?|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety|hundred|thousand|dozen|half|third|quarter)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEECH = Pattern.compile("\\b(?:said|says|say|saying|told|tells|stated|states|argued"
            + "|argues|praised|urged|noted|warned|added|called|calls|described|describes|wrote|writes|announced"
            + "|according to|insisted|stressed|claimed|declared|remarked|pledged|promised|vowed|asked|explained"
            + "|emphasi[sz]ed|acknowledged|commented|reinforced|highlighted|believes|believed|predicted|suggested"
            + "|compared|dismissed|spelled out|spells out)\\b|[“”\"]", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|never|no|none|nor|neither|without|cannot|non)\\b|n['’]t\\b|\\bnon-", Pattern.CASE_INSENSITIVE);

    private SentenceFacts() {}

    record Span(int start, int end) {}

    static List<Span> dates(String sentence) {
        return spans(DATE, sentence);
    }

    static List<Span> numbers(String sentence) {
        return spans(NUMBER, sentence);
    }

    static boolean reportsSpeech(String sentence) {
        return SPEECH.matcher(sentence).find();
    }

    /** A month or weekday name, which a question may set as a constraint ("in February"). */
    // "May", "March", "Jun" and "Dec" are left out: as often a verb, a walk or a name ("Lei Jun") as a month.
    private static final Pattern CALENDAR = Pattern.compile("^(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june|july"
            + "|aug(?:ust)?|sept(?:ember)?|oct(?:ober)?|nov(?:ember)?|december|monday|tuesday|wednesday|thursday"
            + "|friday|saturday|sunday)$", Pattern.CASE_INSENSITIVE);

    /**
     * Stemmed month abbreviations and the stems of the months they stand for: "17 Feb" is in February. "Jun" is left
     * out: as a name ("Lei Jun") it would be read as June.
     */
    private static final java.util.Map<String, String> MONTHS = java.util.Map.ofEntries(
            java.util.Map.entry("jan", "januari"), java.util.Map.entry("feb", "februari"),
            java.util.Map.entry("apr", "april"), java.util.Map.entry("jul", "juli"),
            java.util.Map.entry("aug", "august"), java.util.Map.entry("sep", "septemb"),
            java.util.Map.entry("sept", "septemb"), java.util.Map.entry("oct", "octob"),
            java.util.Map.entry("nov", "novemb"), java.util.Map.entry("dec", "decemb"));

    /** The analysed term with a month abbreviation written as its month. */
    static String canonical(String term) {
        return MONTHS.getOrDefault(term, term);
    }

    /** Whether a word names a month or a day of the week. */
    static boolean calendar(String word) {
        return CALENDAR.matcher(word).matches();
    }

    static boolean negated(String sentence) {
        return NEGATION.matcher(sentence).find();
    }

    /**
     * Runs of capitalised words that do not open the sentence and that the question does not name: the people,
     * organisations and places a "who" or "where" question asks for.
     */
    static List<Span> newNames(String sentence, List<TextAnalysis.Token> tokens, Set<String> questionTerms) {
        List<Span> names = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (TextAnalysis.Token token : tokens) {
            boolean opening = sentence.substring(0, token.start()).isBlank();
            boolean capital = Character.isUpperCase(sentence.codePointAt(token.start()));
            boolean fresh = capital && !opening && !questionTerms.contains(token.term());
            if (fresh && start >= 0 && sentence.substring(end, token.start()).isBlank()) {
                end = token.end();
            } else if (fresh) {
                if (start >= 0) {
                    names.add(new Span(start, end));
                }
                start = token.start();
                end = token.end();
            }
        }
        if (start >= 0) {
            names.add(new Span(start, end));
        }
        return names;
    }

    /** Whether the sentence holds an answer of the given type that the question does not already state. */
    static boolean holds(AnswerType type, String sentence, List<TextAnalysis.Token> tokens, Set<String> questionTerms) {
        return !candidates(type, sentence, tokens, questionTerms).isEmpty() || !type.typed();
    }

    /** Where in the sentence an answer of the given type stands. */
    static List<Span> candidates(AnswerType type, String sentence, List<TextAnalysis.Token> tokens,
            Set<String> questionTerms) {
        List<Span> found = switch (type) {
            case DATE -> dates(sentence);
            case NUMBER -> outside(numbers(sentence), dates(sentence)); // "17" in "17 Feb" counts nothing
            case PERSON -> newNames(sentence, tokens, questionTerms);
            case PLACE -> newNames(sentence, tokens, questionTerms).stream()
                    .filter(s -> AT.matcher(sentence.substring(0, s.start())).find()).toList();
            default -> List.of();
        };
        // A number the question itself states ("in 2021") answers nothing.
        return found.stream().filter(s -> !stated(sentence.substring(s.start(), s.end()), questionTerms)).toList();
    }

    /** A place is named after a preposition of place: "held in Beijing", "at the Great Hall". */
    // Lower case only: "Made In China" is a name, not a place it was made in.
    private static final Pattern AT = Pattern.compile(
            "\\b(?:in|at|near|outside|inside|from|to|across|within|around)\\s+(?:the\\s+)?$");

    private static List<Span> outside(List<Span> spans, List<Span> others) {
        return spans.stream().filter(s -> others.stream().noneMatch(o -> o.start() < s.end() && s.start() < o.end()))
                .toList();
    }

    private static boolean stated(String text, Set<String> questionTerms) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return !t.isEmpty() && questionTerms.contains(t);
    }

    private static List<Span> spans(Pattern pattern, String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                spans.add(new Span(m.start(), m.end()));
            }
        }
        return spans;
    }
}
