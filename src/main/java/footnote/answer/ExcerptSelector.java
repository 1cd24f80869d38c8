package footnote.answer;

import footnote.corpus.Passage;
import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Chooses, within a retrieved passage, the one to three consecutive sentences that best answer the question: the
 * shortest run of the passage's sentences that holds the most key-term weight, widened with neighbouring sentences
 * (one beyond the passage at most) while it stays within a character budget, so that an answer fits a chat message.
 *
 * <p>The core run comes from the passage alone: the passage is what retrieval judged relevant, and letting a
 * neighbour's matching words pull the run outward crowds out the passage's own sentences, where the answer tends to
 * be. Measured with {@code footnote eval}: equal on SQuAD, +3 points hit@3 on the bundled articles.
 */
final class ExcerptSelector {

    static final String ELLIPSIS = "…";
    private static final int MAX_SENTENCES = 3;

    private final int maxChars;

    /** @param maxChars an excerpt's length budget; a single longer sentence is shortened around its key terms */
    ExcerptSelector(int maxChars) {
        if (maxChars < 40) {
            throw new IllegalArgumentException("an excerpt needs at least 40 characters, got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** The chosen run: its text as quoted, its key-term runs, and which sentences of the article it spans. */
    record Selection(String text, List<Highlight> highlights, int firstSentence, int lastSentence) {}

    /**
     * @param quoted sentences of the passage's article (by ordinal) already quoted in this answer: the run neither
     *               repeats nor widens into them
     * @return empty when every sentence of the passage has been quoted already
     */
    Optional<Selection> select(Passage passage, KeyTerms terms, Set<Integer> quoted) {
        return select(passage, terms, quoted, -1);
    }

    /**
     * @param anchor the passage sentence (index into {@link Passage#sentences()}) the run must hold, when the
     *               answerer has judged which sentence answers; -1 to choose by key-term weight alone
     */
    Optional<Selection> select(Passage passage, KeyTerms terms, Set<Integer> quoted, int anchor) {
        List<String> sentences = new ArrayList<>();
        passage.before().ifPresent(sentences::add);
        int first = sentences.size();
        sentences.addAll(passage.sentences());
        int last = sentences.size() - 1;
        passage.after().ifPresent(sentences::add);
        int ordinalOffset = passage.firstSentence() - first;
        IntPredicate free = i -> !quoted.contains(i + ordinalOffset);

        List<Set<String>> present = sentences.stream().map(terms::in).toList();
        int bestFrom = -1;
        int bestTo = -1;
        double bestWeight = -1;
        int bestLength = Integer.MAX_VALUE;
        int pinned = anchor >= 0 && anchor <= last - first && free.test(first + anchor) ? first + anchor : -1;
        for (int from = first; from <= last; from++) {
            Set<String> union = new HashSet<>();
            int length = -1;
            for (int to = from; to <= last && to < from + MAX_SENTENCES && free.test(to); to++) {
                length += 1 + sentences.get(to).length();
                if (to > from && length > maxChars) {
                    break;
                }
                union.addAll(present.get(to));
                if (pinned >= 0 && (pinned < from || pinned > to)) {
                    continue;
                }
                double weight = terms.weight(union);
                // Ties go to the shorter run; the budget left is filled with context below.
                if (weight > bestWeight + 1e-9 || (Math.abs(weight - bestWeight) <= 1e-9 && length < bestLength)) {
                    bestFrom = from;
                    bestTo = to;
                    bestWeight = weight;
                    bestLength = length;
                }
            }
        }
        if (bestFrom < 0) {
            return Optional.empty();
        }
        int[] run = widen(sentences, free, bestFrom, bestTo, bestLength);
        bestFrom = run[0];
        bestTo = run[1];
        String text = String.join(" ", sentences.subList(bestFrom, bestTo + 1));
        if (text.length() > maxChars) {
            text = shorten(text, terms);
        }
        return Optional.of(
                new Selection(text, terms.highlights(text), bestFrom + ordinalOffset, bestTo + ordinalOffset));
    }

    /**
     * Room left in the budget goes to the sentences around the best ones, the following sentence first: the
     * sentence that matches a question's words is often the one before its answer ("Seated at the table...").
     *
     * @return the widened run's first and last sentence
     */
    private int[] widen(List<String> sentences, IntPredicate free, int from, int to, int length) {
        while (to - from + 1 < MAX_SENTENCES) {
            if (to + 1 < sentences.size() && free.test(to + 1)
                    && length + 1 + sentences.get(to + 1).length() <= maxChars) {
                length += 1 + sentences.get(++to).length();
            } else if (from > 0 && free.test(from - 1) && length + 1 + sentences.get(from - 1).length() <= maxChars) {
                length += 1 + sentences.get(--from).length();
            } else {
                break;
            }
        }
        return new int[] {from, to};
    }

    /**
     * Cuts an over-long sentence down to the stretch of whole words, within the budget, that holds the most
     * key-term weight, and marks each cut with an ellipsis. One pass: the window slides over the tokens once,
     * keeping a count of each key term inside it, so the work grows with the text, not with its square.
     */
    private String shorten(String text, KeyTerms terms) {
        int budget = maxChars - 2 * ELLIPSIS.length();
        List<TextAnalysis.Token> tokens = terms.tokens(text);
        Map<String, Integer> inside = new HashMap<>();
        double weight = 0;
        int lo = 0; // the first token starting at or after the window's start
        int hi = 0; // the first token ending after the window's end
        int bestStart = 0;
        int bestEnd = wordEnd(text, 0, budget);
        double bestWeight = -1;
        for (int start = 0; start < text.length(); start++) {
            boolean wordStart = !Character.isWhitespace(text.charAt(start))
                    && (start == 0 || Character.isWhitespace(text.charAt(start - 1)));
            if (!wordStart) {
                continue;
            }
            int end = wordEnd(text, start, start + budget);
            for (; lo < tokens.size() && tokens.get(lo).start() < start; lo++) {
                if (lo < hi) {
                    weight -= leave(inside, tokens.get(lo).term(), terms);
                }
            }
            for (hi = Math.max(hi, lo); hi < tokens.size() && tokens.get(hi).end() <= end; hi++) {
                weight += enter(inside, tokens.get(hi).term(), terms);
            }
            if (weight > bestWeight + 1e-9) {
                bestStart = start;
                bestEnd = end;
                bestWeight = weight;
            }
            if (end == text.length()) {
                break; // later starts only drop words from the front
            }
        }
        return (bestStart > 0 ? ELLIPSIS : "") + text.substring(bestStart, bestEnd).strip()
                + (bestEnd < text.length() ? ELLIPSIS : "");
    }

    /** Counts a term into the window; its weight when it is the term's first occurrence there, else 0. */
    private static double enter(Map<String, Integer> inside, String term, KeyTerms terms) {
        return inside.merge(term, 1, Integer::sum) == 1 ? terms.weight(term) : 0;
    }

    /** Counts a term out of the window; its weight when that was its last occurrence there, else 0. */
    private static double leave(Map<String, Integer> inside, String term, KeyTerms terms) {
        return inside.merge(term, -1, Integer::sum) == 0 ? terms.weight(term) : 0;
    }

    /**
     * The end of the last whole word that ends at or before {@code limit}; {@code limit} itself when one word is
     * longer than the whole budget (a pasted URL, say), which has to be cut somewhere.
     */
    private static int wordEnd(String text, int start, int limit) {
        if (limit >= text.length()) {
            return text.length();
        }
        int end = limit;
        while (end > start && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return end > start ? end : limit;
    }
}
