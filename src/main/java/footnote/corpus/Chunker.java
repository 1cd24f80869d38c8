package footnote.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an article into passages of whole sentences that follow its paragraphs: a long paragraph is cut at
 * sentence boundaries into parts of similar size, and a short one joins the next so that a one-line paragraph
 * still has enough words to be found. Each caption becomes a passage of its own after the prose ones, never joined
 * to prose or to another caption, and with no neighbouring sentences: its sentences are numbered after the prose's,
 * so sentence ordinals stay unique within the article. Not thread-safe (it owns a {@link SentenceSplitter}).
 */
public final class Chunker {

    /** Bumped whenever the way text becomes passages changes (cleaning, sentences, chunking): indexes rebuild. */
    public static final int VERSION = 5;

    /**
     * Characters allowed per word of the target size: a passage holds at most {@code maxWords} times this many
     * characters (1,800 at the default 60 words), so a page of one endless token still makes passages of bounded
     * size. English prose averages about six characters a word with its space; 30 leaves room for links and names.
     */
    static final int CHARS_PER_WORD = 30;

    /**
     * The hard limit on a passage's words, as a multiple of the target size. Whole sentences make passages a little
     * over the target now and then (a 70-word sentence, uneven neighbours); cutting every passage at the target
     * itself split 14% more of SQuAD's passages mid-thought and cost a point of hit@1 and hit@3 there (eval, SQuAD
     * samples), so the hard limit sits at twice the target: only text without sentence ends is cut.
     */
    static final int HARD_LIMIT = 2;

    private final ProseExtractor prose = new ProseExtractor();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final int maxWords;
    private final int minWords;
    private final int hardWords;
    private final int maxChars;

    /**
     * @param maxWords a passage's target size in words; it never holds more than {@link #HARD_LIMIT} times as many
     *                 (a longer sentence is cut at word boundaries into near-equal pieces of at most this many), so
     *                 no text, however unpunctuated, makes an unbounded passage
     * @param minWords a passage shorter than this joins the next paragraph when the two fit in {@code maxWords}
     */
    public Chunker(int maxWords, int minWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords, got " + minWords + ", " + maxWords);
        }
        this.maxWords = maxWords;
        this.minWords = minWords;
        this.hardWords = maxWords * HARD_LIMIT;
        this.maxChars = maxWords * CHARS_PER_WORD;
    }

    public List<Passage> chunk(Article article) {
        ProseExtractor.Text text = prose.read(article.body(), article.metadata().title());
        List<String> sentences = new ArrayList<>();
        List<List<String>> parts = new ArrayList<>();
        for (String paragraph : text.prose()) {
            List<String> paragraphSentences = bounded(splitter.split(paragraph));
            sentences.addAll(paragraphSentences);
            parts.addAll(splitEvenly(paragraphSentences));
        }
        List<Passage> passages = new ArrayList<>();
        int first = 0;
        for (List<String> chunk : mergeShort(parts)) {
            int last = first + chunk.size() - 1;
            passages.add(new Passage(article.id(), article.sourceId(), article.scope(), article.metadata(),
                    PassageKind.PROSE, passages.size(), first, chunk,
                    first > 0 ? Optional.of(sentences.get(first - 1)) : Optional.empty(),
                    last + 1 < sentences.size() ? Optional.of(sentences.get(last + 1)) : Optional.empty()));
            first = last + 1;
        }
        for (String caption : text.captions()) {
            for (List<String> chunk : splitEvenly(bounded(splitter.split(caption)))) {
                passages.add(new Passage(article.id(), article.sourceId(), article.scope(), article.metadata(),
                        PassageKind.CAPTION, passages.size(), first, chunk, Optional.empty(), Optional.empty()));
                first += chunk.size();
            }
        }
        return passages;
    }

    /** The sentences, each over-long one cut into pieces within the word and character limits. */
    private List<String> bounded(List<String> sentences) {
        List<String> pieces = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            if (sentence.length() <= maxChars && words(sentence) <= hardWords) {
                pieces.add(sentence);
            } else {
                cut(sentence, pieces);
            }
        }
        return pieces;
    }

    /**
     * Cuts one over-long sentence at whitespace into pieces of near-equal word counts within {@code maxWords} and
     * {@code maxChars}; a single word longer than {@code maxChars} is cut where the limit falls. Linear in the
     * sentence's length.
     */
    private void cut(String sentence, List<String> pieces) {
        int total = words(sentence);
        int perPiece = (int) Math.ceil(total / Math.ceil(total / (double) maxWords));
        int start = -1;
        int words = 0;
        int i = 0;
        int n = sentence.length();
        while (i < n) {
            if (Character.isWhitespace(sentence.charAt(i))) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < n && !Character.isWhitespace(sentence.charAt(wordEnd))) {
                wordEnd++;
            }
            if (start >= 0 && (words == perPiece || wordEnd - start > maxChars)) {
                pieces.add(sentence.substring(start, lastEnd(sentence, i)));
                start = -1;
                words = 0;
            }
            if (start < 0) {
                start = i;
            }
            while (wordEnd - start > maxChars) { // one word longer than a whole passage
                pieces.add(sentence.substring(start, start + maxChars));
                start += maxChars;
            }
            words++;
            i = wordEnd;
        }
        if (start >= 0 && start < n) {
            pieces.add(sentence.substring(start, n).strip());
        }
    }

    /** The end of the text before the whitespace that precedes {@code next}. */
    private static int lastEnd(String text, int next) {
        int end = next;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Cuts a paragraph into the fewest parts of at most {@code maxWords}, each near the same size. */
    private List<List<String>> splitEvenly(List<String> sentences) {
        int total = sentences.stream().mapToInt(Chunker::words).sum();
        int partCount = Math.max(1, (int) Math.ceil(total / (double) maxWords));
        double target = total / (double) partCount;
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int words = 0;
        int chars = 0;
        for (String sentence : sentences) {
            int w = words(sentence);
            // Close the part when this sentence would take it further past the target than stopping short does,
            // and always before it would pass a limit.
            boolean pastTarget = words + w - target > target - words && parts.size() < partCount - 1;
            boolean pastLimit = words + w > hardWords || chars + 1 + sentence.length() > maxChars;
            if (!current.isEmpty() && (pastTarget || pastLimit)) {
                parts.add(current);
                current = new ArrayList<>();
                words = 0;
                chars = 0;
            }
            current.add(sentence);
            words += w;
            chars += (chars == 0 ? 0 : 1) + sentence.length();
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private List<List<String>> mergeShort(List<List<String>> parts) {
        List<List<String>> merged = new ArrayList<>();
        List<String> current = null;
        for (List<String> part : parts) {
            if (current != null && words(current) < minWords && words(current) + words(part) <= maxWords
                    && chars(current) + 1 + chars(part) <= maxChars) {
                current.addAll(part);
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = new ArrayList<>(part);
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }

    private static int chars(List<String> sentences) {
        return sentences.stream().mapToInt(String::length).sum() + Math.max(0, sentences.size() - 1);
    }

    private static int words(List<String> sentences) {
        return sentences.stream().mapToInt(Chunker::words).sum();
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
