package footnote.corpus;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What a source operation did, as data: the renderers word it (see {@code chat.SourceChangeWording}), so the
 * domain holds no English and no command syntax, and each medium may say it its own way. Dispatch goes through
 * {@link Visitor}, so a new outcome does not compile until every renderer words it.
 */
public sealed interface SourceChange {

    /** False when the operation was refused, failed or stopped: the asker alone should see it. */
    boolean done();

    /** The source as it now stands (or, for a removal, as it stood), when there is one. */
    default Optional<SourceStatus> source() {
        return Optional.empty();
    }

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R added(Added change);

        R refreshed(Refreshed change);

        R unchanged(Unchanged change);

        R refreshedAll(RefreshedAll change);

        R removed(Removed change);

        R stopped(Stopped change);

        R refused(Refused change);

        R failed(Failed change);
    }

    /** Which operation an outcome that did not finish was part of: the words differ ("Adding", "Refreshing"). */
    enum Operation { ADDING, REFRESHING }

    /** A page, feed or upload is now a source. */
    record Added(SourceStatus status) implements SourceChange {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public Optional<SourceStatus> source() {
            return Optional.of(status);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.added(this);
        }
    }

    /** A source was fetched again: {@code added} articles are new, {@code changed} were updated. */
    record Refreshed(SourceStatus status, int added, int changed) implements SourceChange {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public Optional<SourceStatus> source() {
            return Optional.of(status);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refreshed(this);
        }
    }

    /** A refresh that had nothing to fetch: an upload is only ever what was uploaded. */
    record Unchanged(SourceStatus status) implements SourceChange {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public Optional<SourceStatus> source() {
            return Optional.of(status);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unchanged(this);
        }
    }

    /** Every source of a scope was refreshed; {@code failed} of them did not make it. */
    record RefreshedAll(int sources, int failed) implements SourceChange {
        @Override
        public boolean done() {
            return failed == 0;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refreshedAll(this);
        }
    }

    /** A source no longer answers; {@code before} is how it stood, for its title and passage count. */
    record Removed(SourceStatus before) implements SourceChange {
        @Override
        public boolean done() {
            return true;
        }

        @Override
        public Optional<SourceStatus> source() {
            return Optional.of(before);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removed(this);
        }
    }

    /**
     * An add or refresh stopped because the source was removed meanwhile.
     *
     * @param name the source's title, or its id when the job stopped before it read the record
     */
    record Stopped(Operation operation, String name) implements SourceChange {
        @Override
        public boolean done() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stopped(this);
        }
    }

    /** Nothing was done, for a reason found before any work began (or, for a duplicate upload, once read). */
    record Refused(Refusal refusal) implements SourceChange {
        @Override
        public boolean done() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }

    /**
     * An add or refresh began and failed: an add leaves nothing behind, a refresh keeps the text fetched before.
     *
     * @param title the source's title as far as it was known
     */
    record Failed(Operation operation, String title, Problem problem) implements SourceChange {
        @Override
        public boolean done() {
            return false;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.failed(this);
        }
    }

    /** Why an operation was refused, with what the words need. */
    sealed interface Refusal {

        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R indexReadOnly(IndexReadOnly refusal);

            R notAWebAddress(NotAWebAddress refusal);

            R notAReadableFile(NotAReadableFile refusal);

            R alreadyASource(AlreadyASource refusal);

            R unknownSource(UnknownSource refusal);

            R bundledSource(BundledSource refusal);

            R nothingToRefresh(NothingToRefresh refusal);

            R sourceGone(SourceGone refusal);
        }

        /** This process answers from an index another process writes, so it changes no source. */
        record IndexReadOnly() implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.indexReadOnly(this);
            }
        }

        record NotAWebAddress(URI url) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.notAWebAddress(this);
            }
        }

        /** An upload whose name says it is no kind of file Footnote reads. */
        record NotAReadableFile(String fileName) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.notAReadableFile(this);
            }
        }

        /**
         * The URL, or an upload's text, is already one of the scope's sources.
         *
         * @param what the URL or file name that was given
         */
        record AlreadyASource(String what, String existingTitle, String existingId) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.alreadyASource(this);
            }
        }

        /** No source of the scope has this id: said the same for another scope's ids, so ids cannot be probed. */
        record UnknownSource(String id) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unknownSource(this);
            }
        }

        /** The id is a source shipped with the bot, which chat cannot change. */
        record BundledSource(String id) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.bundledSource(this);
            }
        }

        /** A refresh of every source, in a scope that has added none. */
        record NothingToRefresh() implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.nothingToRefresh(this);
            }
        }

        /** The source was no longer ready by the time its refresh ran. */
        record SourceGone(String id) implements Refusal {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.sourceGone(this);
            }
        }
    }

    /** What made an add or refresh fail. */
    sealed interface Problem {

        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R fetch(Fetch problem);

            R noEntries(NoEntries problem);

            R noLongerAFeed(NoLongerAFeed problem);

            R nowAFeed(NowAFeed problem);

            R tooManyPassages(TooManyPassages problem);

            R tookTooLong(TookTooLong problem);

            R onOurSide(OnOurSide problem);

            R copyMissing(CopyMissing problem);

            R notIndexedYet(NotIndexedYet problem);
        }

        /** Fetching or reading failed; {@code fetch} words its own problems, so the sentence passes through. */
        record Fetch(String message) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.fetch(this);
            }
        }

        /** A new feed none of whose entries could be read. */
        record NoEntries(URI feed) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.noEntries(this);
            }
        }

        /** A feed being refreshed serves something else now. */
        record NoLongerAFeed(URI url) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.noLongerAFeed(this);
            }
        }

        /** A page being refreshed serves a feed now: a source keeps its kind, so only adding it again helps. */
        record NowAFeed(URI url) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.nowAFeed(this);
            }
        }

        /** The source makes more passages than one source may (sources.maxPassages). */
        record TooManyPassages(int limit) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.tooManyPassages(this);
            }
        }

        /** The job ran out of the time one source job may take (sources.maxJobMinutes). */
        record TookTooLong(Duration limit) implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.tookTooLong(this);
            }
        }

        /** A fault of the bot's: the details are in its log, not for the asker. */
        record OnOurSide() implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.onOurSide(this);
            }
        }

        /** An upload's copy vanished from the data folder: its passages answer on, but it cannot be re-read. */
        record CopyMissing() implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.copyMissing(this);
            }
        }

        /** A bundled source the writing process has not indexed yet, seen from a read-only process. */
        record NotIndexedYet() implements Problem {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.notIndexedYet(this);
            }
        }
    }
}
