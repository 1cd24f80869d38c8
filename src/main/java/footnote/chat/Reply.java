package footnote.chat;

import footnote.answer.Answer;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceStatus;
import footnote.insights.InsightReport;
import footnote.summary.Summary;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says back; each adapter renders it in its own medium. Renderers implement {@link Visitor}, so a new
 * kind of reply does not compile until every renderer says how it looks.
 */
public sealed interface Reply {

    /** Calls the visitor's method for this kind of reply. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of reply: what a renderer (or any other reader of replies) must cover. */
    interface Visitor<R> {

        R answered(Answered reply);

        R help(Help reply);

        R sources(Sources reply);

        R sourceChanged(SourceChanged reply);

        R jobs(Jobs reply);

        R settings(Settings reply);

        R insights(Insights reply);

        R insightsForgotten(InsightsForgotten reply);

        R insightsOff(InsightsOff reply);

        R refusal(Refusal reply);

        R failure(Failure reply);
    }

    /** The answer in this reply, if it is one: what callers that only care about answers look for. */
    default Optional<Answered> answered() {
        return Optional.empty();
    }

    /**
     * Whether the request was carried out: a refusal, a failure and a source change that did not happen were not.
     * The command line exits non-zero and writes to standard error when this is false.
     */
    default boolean carriedOut() {
        return true;
    }

    /** Whether something broke on our side, as against the request being refused or declined. */
    default boolean failedOnOurSide() {
        return false;
    }

    /**
     * What the answerer made of a question: excerpts that answer it, a decline, or small talk.
     *
     * @param summary   on top of the excerpts; empty when summaries are off, or not written yet
     * @param inContext how a follow-up was read in its conversation ("how long did training deepseek's model
     *                  take?"), shown before the quotes so a member can see and correct it; empty when the question
     *                  was answered as it stands
     * @param recordId  the insight record of this question, which a member's vote names; empty for small talk, or
     *                  when insights are off
     */
    record Answered(Answer answer, Optional<Summary> summary, Optional<String> inContext,
            Optional<String> recordId) implements Reply {

        public Answered(Answer answer) {
            this(answer, Optional.empty(), Optional.empty());
        }

        public Answered(Answer answer, Optional<Summary> summary) {
            this(answer, summary, Optional.empty());
        }

        public Answered(Answer answer, Optional<Summary> summary, Optional<String> inContext) {
            this(answer, summary, inContext, Optional.empty());
        }

        /** The same answer with its summary. */
        public Answered with(Optional<Summary> written) {
            return new Answered(answer, written, inContext, recordId);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.answered(this);
        }

        @Override
        public Optional<Answered> answered() {
            return Optional.of(this);
        }
    }

    record Help() implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.help(this);
        }
    }

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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sources(this);
        }
    }

    /** What adding, uploading, refreshing or removing a source did. */
    record SourceChanged(SourceChange change) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sourceChanged(this);
        }

        @Override
        public boolean carriedOut() {
            return change.done();
        }
    }

    /** Source work running, queued or failed. */
    record Jobs(SourceJobs jobs) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jobs(this);
        }
    }

    /**
     * A server's settings, after a change if {@code change} says what it was. The change is kept as data (which
     * role, which channel) so that each renderer names roles and channels its own way: Discord as mentions.
     */
    record Settings(ServerSettings settings, Optional<Command.SettingChange> change) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.settings(this);
        }
    }

    /** What this server's members asked over a window, as data: each renderer words it. */
    record Insights(InsightReport report) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.insights(this);
        }
    }

    /** The server's insight records were deleted: {@code deleted} of them. */
    record InsightsForgotten(int deleted) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.insightsForgotten(this);
        }
    }

    /**
     * Insights are off ({@code insights.enabled: false}): nothing is recorded, so there is nothing to show or
     * forget. Carried out, in that nothing went wrong: the operator chose it.
     */
    record InsightsOff() implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.insightsOff(this);
        }
    }

    /**
     * The request was not carried out, for a reason the asker can act on (empty question, not a moderator, too
     * many questions): only the asker needs to see it.
     */
    record Refusal(String message) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refusal(this);
        }

        @Override
        public boolean carriedOut() {
            return false;
        }
    }

    /** Something broke on our side; the details went to the log, the asker gets a short apology. */
    record Failure(String message) implements Reply {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.failure(this);
        }

        @Override
        public boolean carriedOut() {
            return false;
        }

        @Override
        public boolean failedOnOurSide() {
            return true;
        }
    }
}
