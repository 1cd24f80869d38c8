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
 */
public record SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
        Optional<String> problem) {

    public enum State { ADDING, READY, REMOVING }

    public SourceRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(lastFetched, "lastFetched");
        Objects.requireNonNull(problem, "problem");
    }

    public String id() {
        return source.id();
    }

    public SourceRecord with(Source newSource, String newTitle) {
        return new SourceRecord(newSource, newTitle, state, added, lastFetched, problem);
    }

    public SourceRecord with(State newState) {
        return new SourceRecord(source, title, newState, added, lastFetched, problem);
    }

    public SourceRecord fetched(Instant when) {
        return new SourceRecord(source, title, state, added, Optional.of(when), Optional.empty());
    }

    public SourceRecord failed(String why) {
        return new SourceRecord(source, title, state, added, lastFetched, Optional.of(why));
    }
}
