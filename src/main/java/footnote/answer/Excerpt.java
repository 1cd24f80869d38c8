package footnote.answer;

import footnote.corpus.PassageKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One numbered quote in an answer: whole sentences from one article, exactly as written (an ellipsis marks where
 * an over-long sentence was shortened), with the question's key terms marked.
 *
 * @param answer        the run of {@code text} that answers the question itself (a date, a name, the clause that
 *                      says it), when the answerer could tell which: what a one-line summary quotes
 * @param kind          what the quoted text is, the article's prose or a caption: a renderer labels a caption so
 *                      that it is never taken for the article's own words
 * @param firstSentence ordinal within the article of the first quoted sentence
 * @param lastSentence  ordinal within the article of the last quoted sentence
 */
public record Excerpt(
        int number,
        String text,
        List<Highlight> highlights,
        Optional<Highlight> answer,
        Citation citation,
        PassageKind kind,
        String articleId,
        String sourceId,
        int firstSentence,
        int lastSentence,
        Evidence evidence) {

    public Excerpt {
        highlights = List.copyOf(highlights);
        Objects.requireNonNull(kind, "kind");
    }
}
