package footnote.summary;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.SentenceSplitter;
import java.util.List;
import java.util.Optional;

/**
 * The summary that needs no model: one line giving the answer itself, the run of the first excerpt that answers
 * the question ({@link Excerpt#answer()}: a date, a name, the clause that says it), quoted exactly and cited
 * {@code [1]}. The quotes below show every sentence already, so a summary quoting a sentence again only made the
 * reply longer (a quarter to a third of each reply was the same text twice); the span adds what the quotes do
 * not: which words answer.
 *
 * <p>No summary, then, when the first excerpt has no answer span, when the span carries a link or a mention (no
 * summary does), or when it would only repeat a quoted sentence (the rule is {@link Repeats}': three quarters of
 * a sentence or more). Nothing is written that the excerpt does not say word for word, so it passes
 * {@link SummaryCheck} by construction.
 */
public final class ExtractiveSummarizer {

    private final Repeats repeats = new Repeats(new SentenceSplitter());

    /** Empty when there is nothing to add to the quotes: no excerpts, no answer span, or one that repeats them. */
    public Optional<Summary> summarize(Answer answer) {
        if (answer.excerpts().isEmpty()) {
            return Optional.empty();
        }
        Excerpt first = answer.excerpts().get(0);
        List<String> quoted = answer.excerpts().stream().map(Excerpt::text).toList();
        return first.answer()
                .filter(span -> span.end() <= first.text().length())
                .map(span -> text(first, span))
                .filter(text -> !text.isEmpty() && SummaryCheck.linkOrMention(text).isEmpty())
                .filter(text -> repeats.repeated(text, quoted).isEmpty())
                .map(text -> new Summary(List.of(new Summary.Sentence(text, List.of(first.number()))),
                        Summary.Origin.EXTRACTIVE, Optional.empty()));
    }

    private static String text(Excerpt excerpt, Highlight span) {
        return excerpt.text().substring(span.start(), span.end()).strip();
    }
}
