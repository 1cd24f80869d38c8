package footnote.summary;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.corpus.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a summary must pass before anyone sees it, sentence by sentence: it cites at least one excerpt, and only
 * excerpts that exist; a phrase it puts in quotation marks stands word for word in a cited excerpt; every number
 * and every name in it appears in its cited excerpts; and it carries no link and no mention. The citations link to
 * the sources, so a summary never needs its own; and a link or a ping is what an instruction planted in an article
 * would most want a model to write. A sentence that fails is dropped, with the reason.
 *
 * <p>A sentence that passes but only says again what a quote says ({@link Repeats}) is set aside too: the quotes
 * are in the same reply, and no sentence should appear in it twice. That is no fault of the sentence, so it is
 * kept apart from the failures.
 */
public final class SummaryCheck {

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{3,})[\"”]");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");
    /** A capitalised word, as names are written; the sentence's first word is capitalised anyway. */
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}-]*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]]");
    private static final Pattern MENTION = Pattern.compile("@everyone|@here|<(?:@[!&]?|#)\\d+>");

    private final Repeats repeats = new Repeats(new SentenceSplitter());

    /**
     * The sentences kept; for each one dropped why; and the sentences left out because they repeat a quote, each
     * with the quoted sentence it repeats.
     */
    public record Result(List<Summary.Sentence> kept, List<String> dropped, List<String> repeated) {

        public Result {
            kept = List.copyOf(kept);
            dropped = List.copyOf(dropped);
            repeated = List.copyOf(repeated);
        }
    }

    public Result check(List<Summary.Sentence> sentences, Answer answer) {
        Map<Integer, String> excerpts = answer.excerpts().stream()
                .collect(Collectors.toMap(Excerpt::number, e -> normalised(e.text()), (a, b) -> a));
        List<String> quoted = answer.excerpts().stream().map(Excerpt::text).toList();
        List<Summary.Sentence> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (Summary.Sentence sentence : sentences) {
            Optional<String> problem = problem(sentence, excerpts);
            Optional<String> repeat = problem.isPresent() ? Optional.empty()
                    : repeats.repeated(sentence.text(), quoted);
            if (problem.isPresent()) {
                dropped.add("\"" + sentence.text() + "\": " + problem.get());
            } else if (repeat.isPresent()) {
                repeated.add("\"" + sentence.text() + "\" repeats the quoted \"" + repeat.get() + "\"");
            } else {
                kept.add(sentence);
            }
        }
        return new Result(kept, dropped, repeated);
    }

    private static Optional<String> problem(Summary.Sentence sentence, Map<Integer, String> excerpts) {
        if (sentence.cites().isEmpty()) {
            return Optional.of("it cites no excerpt");
        }
        List<Integer> missing = sentence.cites().stream().filter(n -> !excerpts.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("it cites [" + missing.get(0) + "], which is not an excerpt");
        }
        String cited = sentence.cites().stream().map(excerpts::get).collect(Collectors.joining("\n"));
        String text = normalised(sentence.text());
        Matcher quote = QUOTED.matcher(text);
        while (quote.find()) {
            if (!cited.contains(quote.group(1).strip())) {
                return Optional.of("the quotation \"" + quote.group(1) + "\" is not in its excerpts");
            }
        }
        Optional<String> linkOrMention = linkOrMention(text);
        if (linkOrMention.isPresent()) {
            return linkOrMention;
        }
        Optional<String> number = absent(NUMBER, text, 0, cited, SummaryCheck::digits);
        if (number.isPresent()) {
            return Optional.of("the number " + number.get() + " is not in its excerpts");
        }
        int afterFirstWord = firstWordEnd(text);
        Optional<String> name = absent(NAME, text, afterFirstWord, cited, Function.identity());
        return name.map(n -> "the name " + n + " is not in its excerpts");
    }

    /** Why a summary may not say {@code text}, if it links or mentions; the extractive summary skips such sentences. */
    static Optional<String> linkOrMention(String text) {
        Matcher link = LINK.matcher(text);
        if (link.find()) {
            return Optional.of("it links to " + link.group() + "; only citations link");
        }
        Matcher mention = MENTION.matcher(text);
        return mention.find() ? Optional.of("it mentions " + mention.group()) : Optional.empty();
    }

    /** The first match of {@code pattern} in {@code text} from {@code from} whose form is not in {@code cited}. */
    private static Optional<String> absent(Pattern pattern, String text, int from, String cited,
            Function<String, String> form) {
        String citedForm = pattern == NUMBER ? NUMBER.matcher(cited).replaceAll(m -> digits(m.group())) : cited;
        Matcher m = pattern.matcher(text);
        while (m.find(from)) {
            String found = m.group();
            if (!contains(citedForm, form.apply(found))) {
                return Optional.of(found);
            }
            from = m.end();
        }
        return Optional.empty();
    }

    /**
     * As a whole word or number: "Ma" is not in "Mao", "2" is not in "2025" nor in "2.5". A number may be
     * followed by letters, as in "the 1950s" or "5G".
     */
    private static boolean contains(String text, String word) {
        String pattern = Character.isDigit(word.charAt(0))
                ? "(?<!\\d|\\d[.,])" + Pattern.quote(word) + "(?!\\d|[.,]\\d)"
                : "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])";
        return Pattern.compile(pattern).matcher(text).find();
    }

    /** A number's digits: "1,200" and "1200" are the same number; a trailing full stop is punctuation. */
    private static String digits(String number) {
        String stripped = number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
        return stripped.replace(",", "");
    }

    private static int firstWordEnd(String text) {
        Matcher first = NAME.matcher(text);
        return first.lookingAt() ? first.end() : 0;
    }

    private static String normalised(String text) {
        return SPACE.matcher(text.replace('’', '\'')).replaceAll(" ").strip();
    }
}
