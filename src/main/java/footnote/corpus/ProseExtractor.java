package footnote.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds an article's prose paragraphs in captured page text, leaving out the page around them: navigation,
 * headings, bylines, photo captions and credits, calls to action, comment prompts.
 *
 * <p>The rule is general rather than a list of known lines: prose is made of sentences. A paragraph is kept when it
 * ends like a sentence, or when it is long running text that merely lost its full stop. Short unpunctuated lines
 * ("Previous", "Post Comment", section headings, "Join our channel - no spam") are page furniture. A paragraph that
 * ends with a media credit ("... Photo: Xinhua", "Source: SCMP") is a caption. A paragraph wholly in parentheses is
 * an editor's note.
 */
public final class ProseExtractor {

    /** Shorter unpunctuated text is a heading or a link; longer is a sentence that lost its full stop. */
    private static final int MIN_WORDS_WITHOUT_FULL_STOP = 12;
    /** Running prose is mostly lower-case words; titles, bylines and menus are mostly capitalised. */
    private static final double MIN_LOWERCASE_SHARE = 0.4;
    /** A hard-wrapped line is long and breaks mid-sentence; a captured web paragraph is one line. */
    private static final int MIN_WRAPPED_LINE = 50;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    private static final Pattern MEDIA_CREDIT = Pattern.compile(
            "(?i)(?:^|[.!?\\s])(?:photos?|images?|pictures?|video|source|credits?|illustration|graphic|courtesy)"
                    + "(?:\\s+by)?\\s*[:|]\\s*[^.!?:]{1,60}$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)^(?:©|\\(c\\)|copyright\\b)");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•·▪●–]|\\d{1,2}[.)])\\s+");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s");
    /** Any run of spacing, the no-break spaces that captured web pages are full of included. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** The prose paragraphs of {@code body}, in order, each once, whitespace collapsed. */
    public List<String> paragraphs(String body, String title) {
        String titleKey = key(title);
        Set<String> seen = new HashSet<>();
        List<String> prose = new ArrayList<>();
        for (String paragraph : joinWrappedLines(body)) {
            if (MARKDOWN_HEADING.matcher(paragraph).find()) {
                continue;
            }
            String text = LIST_MARKER.matcher(paragraph).replaceFirst("");
            String key = key(text);
            if (isProse(text) && !key.equals(titleKey) && seen.add(key)) {
                prose.add(text);
            }
        }
        return prose;
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
        long lowercase = java.util.Arrays.stream(words)
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.codePointAt(0)))
                .count();
        return words.length >= MIN_WORDS_WITHOUT_FULL_STOP && lowercase >= MIN_LOWERCASE_SHARE * words.length;
    }

    /**
     * Splits text into paragraphs: a line is a paragraph of its own (captured web text), unless it is a long line
     * that stops mid-sentence, which hard-wrapped text continues on the next line.
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
            boolean continues = raw.strip().length() >= MIN_WRAPPED_LINE && !SENTENCE_END.matcher(line).find();
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
