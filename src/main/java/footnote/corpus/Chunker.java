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
    public static final int VERSION = 4;

    private final ProseExtractor prose = new ProseExtractor();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final int maxWords;
    private final int minWords;

    /**
     * @param maxWords a passage grows to at most this many words, unless one sentence alone is longer
     * @param minWords a passage shorter than this joins the next paragraph when the two fit in {@code maxWords}
     */
    public Chunker(int maxWords, int minWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords, got " + minWords + ", " + maxWords);
        }
        this.maxWords = maxWords;
        this.minWords = minWords;
    }

    public List<Passage> chunk(Article article) {
        ProseExtractor.Text text = prose.read(article.body(), article.metadata().title());
        List<String> sentences = new ArrayList<>();
        List<List<String>> parts = new ArrayList<>();
        for (String paragraph : text.prose()) {
            List<String> paragraphSentences = splitter.split(paragraph);
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
            for (List<String> chunk : splitEvenly(splitter.split(caption))) {
                passages.add(new Passage(article.id(), article.sourceId(), article.scope(), article.metadata(),
                        PassageKind.CAPTION, passages.size(), first, chunk, Optional.empty(), Optional.empty()));
                first += chunk.size();
            }
        }
        return passages;
    }

    /** Cuts a paragraph into the fewest parts of at most {@code maxWords}, each near the same size. */
    private List<List<String>> splitEvenly(List<String> sentences) {
        int total = sentences.stream().mapToInt(Chunker::words).sum();
        int partCount = Math.max(1, (int) Math.ceil(total / (double) maxWords));
        double target = total / (double) partCount;
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int words = 0;
        for (String sentence : sentences) {
            int w = words(sentence);
            // Close the part when this sentence would take it further past the target than stopping short does.
            if (!current.isEmpty() && words + w - target > target - words && parts.size() < partCount - 1) {
                parts.add(current);
                current = new ArrayList<>();
                words = 0;
            }
            current.add(sentence);
            words += w;
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
            if (current != null && words(current) < minWords && words(current) + words(part) <= maxWords) {
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
