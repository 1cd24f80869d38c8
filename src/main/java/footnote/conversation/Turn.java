package footnote.conversation;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a conversation and what its answer quoted: all a follow-up is read against, and no more (no
 * member, no message, no citation).
 *
 * @param question the question as it was answered: a follow-up as read in context, so that the next follow-up
 *                 builds on a question that stands on its own
 * @param names    the names the question holds, as typed, in order: what "he", "it" or "they" point back at
 * @param answered whether the sources answered it
 * @param quotes   the excerpts' text, best first
 * @param answer   the run of the first excerpt that answers the question itself ("Liang Wenfeng"), when known
 */
public record Turn(String question, List<String> names, boolean answered, List<String> quotes, Optional<String> answer) {

    public Turn {
        Objects.requireNonNull(question, "question");
        names = List.copyOf(names);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(answer, "answer");
    }

    public static Turn of(String question, Answer answer) {
        List<Excerpt> excerpts = answer.excerpts();
        Optional<String> span = excerpts.isEmpty() ? Optional.empty() : excerpts.get(0).answer()
                .map(h -> excerpts.get(0).text().substring(h.start(), h.end()));
        return new Turn(question, answer.names(), answer.found(), excerpts.stream().map(Excerpt::text).toList(), span);
    }
}
