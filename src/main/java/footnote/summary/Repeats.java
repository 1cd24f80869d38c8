package footnote.summary;

import footnote.corpus.SentenceSplitter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a summary line would only say again what the quotes below it say. The quotes show every sentence of the
 * excerpts whole, so a line repeats them when it shares with one of their sentences a run of three quarters of
 * that sentence or more: the sentence itself, the sentence inside a longer line, or nearly all of it. "in late
 * 2018" or "Unitree" picked out of a 30-word sentence is the answer; 45 characters of a 46-character sentence are
 * that sentence again. A sentence of fewer than five words counts only when the line is exactly it: "He agreed."
 * turns up inside longer lines by chance. Compared without case, spacing, curly quotes or closing punctuation.
 */
final class Repeats {

    /** A line sharing this share of a sentence's characters or more says that sentence again. */
    static final double MOST_OF_A_SENTENCE = 0.75;
    /** Shorter sentences are repeated only by a line that is exactly them. */
    static final int SHORT_SENTENCE_WORDS = 5;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\"'“”‘’(\\[]+|[\\s\"'“”‘’.,;:!?…)\\]]+$");

    private final SentenceSplitter splitter;

    Repeats(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    /** The first sentence of {@code texts} that {@code line} repeats, as the excerpt writes it. */
    Optional<String> repeated(String line, List<String> texts) {
        String said = normalised(line);
        if (said.isEmpty()) {
            return Optional.empty();
        }
        for (String text : texts) {
            for (String sentence : splitter.split(text)) {
                String quoted = normalised(sentence);
                if (quoted.isEmpty()) {
                    continue;
                }
                boolean repeats = quoted.split(" ").length < SHORT_SENTENCE_WORDS ? said.equals(quoted)
                        : longestSharedRun(said, quoted) >= MOST_OF_A_SENTENCE * quoted.length();
                if (repeats) {
                    return Optional.of(sentence);
                }
            }
        }
        return Optional.empty();
    }

    static String normalised(String text) {
        String plain = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
        return EDGES.matcher(SPACE.matcher(plain).replaceAll(" ")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The length of the longest run of characters that both hold: lines and sentences are a few hundred long. */
    private static int longestSharedRun(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        int longest = 0;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1 : 0;
                longest = Math.max(longest, current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return longest;
    }
}
