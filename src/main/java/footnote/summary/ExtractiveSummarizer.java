package footnote.summary;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The summary that needs no model: from each of the first excerpts, the one sentence that carries most of the
 * question's key terms (the excerpt's highlights), quoted exactly and cited. A sentence with none of them says
 * nothing about the question and is left out, as is one with a link or a mention, which no summary carries.
 * Nothing is written that the excerpts do not say word for word, so it passes {@link SummaryCheck} by
 * construction.
 */
public final class ExtractiveSummarizer {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final int maxSentences;

    public ExtractiveSummarizer(int maxSentences) {
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be at least 1");
        }
        this.maxSentences = maxSentences;
    }

    /** Empty when the answer has no excerpts: there is nothing to sum up. */
    public Optional<Summary> summarize(Answer answer) {
        List<Summary.Sentence> sentences = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Excerpt excerpt : answer.excerpts()) {
            if (sentences.size() >= maxSentences) {
                break;
            }
            best(excerpt).filter(taken::add)
                    .ifPresent(text -> sentences.add(new Summary.Sentence(text, List.of(excerpt.number()))));
        }
        return sentences.isEmpty() ? Optional.empty()
                : Optional.of(new Summary(sentences, Summary.Origin.EXTRACTIVE, Optional.empty()));
    }

    /** The excerpt's sentence with the most highlighted characters, if any has some; the first one on a tie. */
    private Optional<String> best(Excerpt excerpt) {
        String text = excerpt.text();
        String best = null;
        int bestScore = -1;
        int from = 0;
        for (String sentence : splitter.split(text)) {
            int start = text.indexOf(sentence, from);
            if (start < 0) {
                continue; // the splitter normalised something; such a sentence cannot be quoted exactly
            }
            from = start + sentence.length();
            int score = highlighted(excerpt.highlights(), start, from);
            if (score > bestScore && score > 0 && SummaryCheck.linkOrMention(sentence).isEmpty()) {
                best = sentence;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int highlighted(List<Highlight> highlights, int start, int end) {
        int chars = 0;
        for (Highlight h : highlights) {
            chars += Math.max(0, Math.min(end, h.end()) - Math.max(start, h.start()));
        }
        return chars;
    }
}
