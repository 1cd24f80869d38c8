package footnote.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Something that rewrites a follow-up into a standalone question from the conversation's recent turns, such as a
 * language model. What it returns is only a proposal: {@link FollowUps} checks it before using it.
 */
@FunctionalInterface
public interface QuestionRewriter {

    /** The follow-up as a question that stands on its own; empty when there is no rewrite (or it failed). */
    Optional<String> rewrite(List<Turn> recent, String followUp);
}
