package footnote.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's prose paragraphs in captured page text, leaving out the page around them: navigation,
 * headings, bylines, credits, calls to action, comment prompts. Photo captions are kept apart from the prose.
 *
 * <p>The rule is general rather than a list of known lines: prose is made of sentences. A paragraph is kept when it
 * ends like a sentence, or when it is long running text that merely lost its full stop. Short unpunctuated lines
 * ("Previous", "Post Comment", section headings, "Join our channel - no spam") are page furniture. A paragraph that
 * ends with a media credit ("... Photo: Xinhua") is a caption: never prose, but it can state what the prose does not
 * (the date of the event pictured), so its text without the credit is returned on its own, when it says something
 * (a few words, not only names: "Source: SCMP" alone says nothing). A paragraph wholly in parentheses is an
 * editor's note.
 */
public final class ProseExtractor {

    /** Shorter unpunctuated text is a heading or a link; longer is a sentence that lost its full stop. */
    private static final int MIN_WORDS_WITHOUT_FULL_STOP = 12;
    /** Running prose is mostly lower-case words; titles, bylines and menus are mostly capitalised. */
    private static final double MIN_LOWERCASE_SHARE = 0.4;
    /** A hard-wrapped line is long and breaks mid-sentence; a captured web paragraph is one line. */
    private static final int MIN_WRAPPED_LINE = 50;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    /** A credit closing a paragraph; it starts where the caption it closes ends (or opens the paragraph). */
    private static final Pattern MEDIA_CREDIT = Pattern.compile(
            "(?i)(?:^|(?<=[.!?\\s(\\[]))(?:photos?|images?|pictures?|video|source|credits?|illustration|graphic"
                    + "|courtesy)(?:\\s+by)?\\s*[:|]\\s*[^.!?:]{1,60}$");
    /** What separates a caption from its credit: "robots on display | Photo: Handout", "(Photo: AP)". */
    private static final Pattern CREDIT_SEPARATOR = Pattern.compile("[\\s|·•–—(\\[-]+$");
    /**
     * Fewer words than this, or no lower-case word at all, is a credit line or a name ("By Jane Doe | Photo: AP"),
     * not a caption: a caption that states something has a verb or a preposition, written in lower case.
     */
    private static final int MIN_CAPTION_WORDS = 4;
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)^(?:©|\\(c\\)|copyright\\b)");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•·▪●–]|\\d{1,2}[.)])\\s+");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s");
    /** Any run of spacing, the no-break spaces that captured web pages are full of included. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    /**
     * What {@link #read} finds: the prose paragraphs, and the captions with their credits removed; each in order,
     * each once, whitespace collapsed. A caption that repeats a prose paragraph or the title is left out.
     */
    public record Text(List<String> prose, List<String> captions) {
        public Text {
            prose = List.copyOf(prose);
            captions = List.copyOf(captions);
        }
    }

    /** The prose paragraphs and the captions of {@code body}. */
    public Text read(String body, String title) {
        Set<String> seen = new HashSet<>();
        seen.add(key(title));
        List<String> prose = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (String paragraph : joinWrappedLines(body)) {
            if (MARKDOWN_HEADING.matcher(paragraph).find()) {
                continue;
            }
            String text = LIST_MARKER.matcher(paragraph).replaceFirst("");
            if (isProse(text)) {
                if (seen.add(key(text))) {
                    prose.add(text);
                }
            } else {
                caption(text).ifPresent(captions::add);
            }
        }
        // Pages often show a caption twice (beside the picture and in a gallery), or say the same in the prose.
        Set<String> captionKeys = new HashSet<>();
        captions.removeIf(c -> seen.contains(key(c)) || !captionKeys.add(key(c)));
        return new Text(prose, captions);
    }

    /**
     * The caption a paragraph holds before its media credit, when it ends with one and the rest says something:
     * "Chinese President Xi Jinping, centre, attends a symposium in Beijing on 17 Feb. Photo: Xinhua" holds
     * "Chinese President Xi Jinping, centre, attends a symposium in Beijing on 17 Feb."
     */
    static Optional<String> caption(String paragraph) {
        Matcher credit = MEDIA_CREDIT.matcher(paragraph);
        if (!credit.find()) {
            return Optional.empty();
        }
        String caption = CREDIT_SEPARATOR.matcher(paragraph.substring(0, credit.start())).replaceFirst("");
        caption = caption.strip();
        boolean saysSomething = WHITESPACE.split(caption).length >= MIN_CAPTION_WORDS && lowercaseWords(caption) > 0;
        return saysSomething ? Optional.of(caption) : Optional.empty();
    }

    /** Whether a paragraph reads as article prose rather than page furniture. */
    boolean isProse(String paragraph) {
        if (paragraph.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (MEDIA_CREDIT.matcher(paragraph).find() || COPYRIGHT.matcher(paragraph).find()) {
            return false;
        }
        if (paragraph.startsWith("(") && paragraph.endsWith(")")) {
            return false;
        }
        String[] words = WHITESPACE.split(paragraph);
        if (SENTENCE_END.matcher(paragraph).find()) {
            return words.length >= 3;
        }
        return words.length >= MIN_WORDS_WITHOUT_FULL_STOP
                && lowercaseWords(paragraph) >= MIN_LOWERCASE_SHARE * words.length;
    }

    /** How many words of {@code text} start with a lower-case letter. */
    private static long lowercaseWords(String text) {
        return Arrays.stream(WHITESPACE.split(text))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.codePointAt(0)))
                .count();
    }

    /**
     * Splits text into paragraphs: a line is a paragraph of its own (captured web text), unless it is a long line
     * of running text that stops mid-sentence, which hard-wrapped text continues on the next line. A line without a
     * single lower-case word is a heading, a byline or a dateline ("Amit MishraMar 04, 2025, 11:26 AM | Updated
     * Apr 02, 2025"), never the start of a wrapped sentence, so it does not swallow the caption below it.
     */
    static List<String> joinWrappedLines(String body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : body.split("\\R", -1)) {
            String line = WHITESPACE.matcher(raw).replaceAll(" ").strip();
            if (line.isEmpty()) {
                flush(current, paragraphs);
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(line);
            boolean continues = raw.strip().length() >= MIN_WRAPPED_LINE && !SENTENCE_END.matcher(line).find()
                    && lowercaseWords(line) > 0;
            if (!continues) {
                flush(current, paragraphs);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    /** Compares paragraphs regardless of case, curly quotes and spacing. */
    private static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
        return WHITESPACE.matcher(folded).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
