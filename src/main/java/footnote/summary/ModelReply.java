package footnote.summary;

import footnote.corpus.SentenceSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's reply into sentences and the excerpt numbers each cites. Models format loosely, so this accepts
 * what they commonly write: [1][3], [1, 3], a citation after the full stop instead of before, list markers, bold,
 * and a reasoning model's {@code <think>} block, which is dropped.
 */
final class ModelReply {

    /** Longer replies are cut: a summary of three sentences never needs more, and the checks stay cheap. */
    static final int MAX_CHARS = 4_000;
    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?(</think>|$)");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:[-*•]|\\d{1,2}[.)]|#{1,6})\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final String CITATION = "\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*\\]";
    private static final Pattern CITATIONS_AFTER_STOP =
            Pattern.compile("([.!?])((?:\\s*" + CITATION + ")+)");
    private static final Pattern ONE_CITATION = Pattern.compile(CITATION);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,;:!?])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final SentenceSplitter splitter = new SentenceSplitter();

    /** The reply's sentences in order; a sentence that cites nothing has no cites, and the check will drop it. */
    List<Summary.Sentence> sentences(String reply) {
        String text = reply.length() > MAX_CHARS ? reply.substring(0, MAX_CHARS) : reply;
        text = THINKING.matcher(text).replaceAll(" ");
        text = LIST_MARKER.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = SPACE.matcher(text).replaceAll(" ").strip();
        // "… in 1999. [1] It …" cites for the sentence before it: move the citation inside that sentence.
        text = CITATIONS_AFTER_STOP.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2) + m.group(1)));
        List<Summary.Sentence> sentences = new ArrayList<>();
        for (String sentence : splitter.split(text)) {
            Set<Integer> cites = new LinkedHashSet<>();
            Matcher citation = ONE_CITATION.matcher(sentence);
            while (citation.find()) {
                Matcher n = NUMBER.matcher(citation.group());
                while (n.find()) {
                    cites.add(Integer.parseInt(n.group()));
                }
            }
            String words = ONE_CITATION.matcher(sentence).replaceAll(" ");
            words = SPACE_BEFORE_PUNCTUATION.matcher(SPACE.matcher(words).replaceAll(" ")).replaceAll("$1").strip();
            if (!words.isEmpty() && words.chars().anyMatch(Character::isLetterOrDigit)) {
                sentences.add(new Summary.Sentence(words, List.copyOf(cites)));
            }
        }
        return sentences;
    }
}
