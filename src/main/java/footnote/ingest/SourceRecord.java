package footnote.ingest;

import footnote.corpus.Source;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's entry for a source added at run time (a page, a feed or an upload): what it is and how it
 * stands. Its articles are not listed here: they are the fetched copies on disk, which are the truth.
 *
 * @param state   ADDING until every article is copied and indexed; a record still ADDING after a restart marks
 *                work that was cut short, which is undone and retried
 * @param problem why the last fetch failed; the copies fetched before stay, and keep answering
 * @param attempt which try at adding it this is: a restart retries an add cut short once, and gives up on a retry
 *                that was cut short too (it may be what stopped the bot), so no add is retried in a loop
 */
public record SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
        Optional<String> problem, int attempt) {

    public enum State { ADDING, READY, REMOVING }

    public SourceRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(lastFetched, "lastFetched");
        Objects.requireNonNull(problem, "problem");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt);
        }
    }

    /** A record of a source added at the first try. */
    public SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
            Optional<String> problem) {
        this(source, title, state, added, lastFetched, problem, 1);
    }

    public String id() {
        return source.id();
    }

    public SourceRecord with(Source newSource, String newTitle) {
        return new SourceRecord(newSource, newTitle, state, added, lastFetched, problem, attempt);
    }

    public SourceRecord with(State newState) {
        return new SourceRecord(source, title, newState, added, lastFetched, problem, attempt);
    }

    public SourceRecord fetched(Instant when) {
        return new SourceRecord(source, title, state, added, Optional.of(when), Optional.empty(), attempt);
    }

    public SourceRecord failed(String why) {
        return new SourceRecord(source, title, state, added, lastFetched, Optional.of(why), attempt);
    }
}
