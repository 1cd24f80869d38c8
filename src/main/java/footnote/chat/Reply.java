package footnote.chat;

import footnote.answer.Answer;
import footnote.corpus.SourceStatus;
import java.util.List;
import java.util.Optional;

/** What the bot says back; each adapter renders it in its own medium. */
public sealed interface Reply {

    /** Excerpts that answer the question, or none: then the reply says the sources do not have it. */
    record Answered(Answer answer) implements Reply {}

    record Help() implements Reply {}

    record Sources(List<SourceStatus> sources) implements Reply {
        public Sources {
            sources = List.copyOf(sources);
        }
    }

    /** A server's settings, after a change if {@code change} says what it was. */
    record Settings(ServerSettings settings, Optional<String> change) implements Reply {}

    /**
     * The request was not carried out, for a reason the asker can act on (empty question, not a moderator, too
     * many questions): only the asker needs to see it.
     */
    record Refusal(String message) implements Reply {}

    /** Something broke on our side; the details went to the log, the asker gets a short apology. */
    record Failure(String message) implements Reply {}
}
