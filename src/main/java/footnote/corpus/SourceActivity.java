package footnote.corpus;

import java.util.Objects;

/**
 * What source work is doing, as data: a queued or running job in the status list, or a step of a job's progress.
 * Renderers put it into words.
 *
 * @param subject what it is done to: a source's title, an address or a file name
 */
public record SourceActivity(Kind kind, String subject) {

    /** The kinds of source work a member can see. */
    public enum Kind {
        /** Adding a page or feed a moderator asked for. */
        ADDING,
        /** Adding again, after a restart cut the add short. */
        ADDING_AGAIN,
        /** Reading an uploaded file. */
        READING,
        REFRESHING,
        /** A feed's regular poll. */
        POLLING,
        /** Fetching again a source whose copies vanished. */
        FETCHING_AGAIN,
        /** Fetching a page, a feed or a refreshed source. */
        FETCHING,
        /** Fetching a feed's entries, one at a time. */
        FETCHING_ENTRIES,
        /** A feed's entries fetched. */
        FETCHED_ENTRIES,
        INDEXING
    }

    public SourceActivity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }
}
