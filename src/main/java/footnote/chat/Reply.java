package footnote.chat;

import footnote.answer.Answer;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.List;
import java.util.Optional;

/** What the bot says back; each adapter renders it in its own medium. */
public sealed interface Reply {

    /**
     * What the answerer made of a question: excerpts that answer it, a decline, or small talk.
     *
     * @param summary on top of the excerpts; empty when summaries are off, or not written yet
     */
    record Answered(Answer answer, Optional<Summary> summary) implements Reply {

        public Answered(Answer answer) {
            this(answer, Optional.empty());
        }
    }

    record Help() implements Reply {}

    /**
     * One page of the sources that answer here.
     *
     * @param page  1-based
     * @param pages how many pages there are (at least 1)
     */
    record Sources(List<SourceStatus> sources, int page, int pages) implements Reply {
        public Sources {
            sources = List.copyOf(sources);
        }

        public Sources(List<SourceStatus> sources) {
            this(sources, 1, 1);
        }
    }

    /** What adding, uploading, refreshing or removing a source did. */
    record SourceChanged(SourceChange change) implements Reply {}

    /** Source work running, queued or failed. */
    record Jobs(SourceJobs jobs) implements Reply {}

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
