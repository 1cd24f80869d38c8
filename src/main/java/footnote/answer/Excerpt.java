package footnote.answer;

import java.util.List;

/**
 * One numbered quote in an answer: whole sentences from one article, exactly as written (an ellipsis marks where
 * an over-long sentence was shortened), with the question's key terms marked.
 *
 * @param firstSentence ordinal within the article of the first quoted sentence
 * @param lastSentence  ordinal within the article of the last quoted sentence
 */
public record Excerpt(
        int number,
        String text,
        List<Highlight> highlights,
        Citation citation,
        String articleId,
        String sourceId,
        int firstSentence,
        int lastSentence,
        Evidence evidence) {

    public Excerpt {
        highlights = List.copyOf(highlights);
    }
}
