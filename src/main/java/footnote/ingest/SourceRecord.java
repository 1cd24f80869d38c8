package footnote.ingest;

import footnote.corpus.Source;
import footnote.corpus.SourceChange;
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
 * @param indexed how many articles and passages of it the index holds, as the last job that changed them left it,
 *                so that listing sources reads records only; empty in records written before they were kept
 */
public record SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
        Optional<SourceChange.Problem> problem, int attempt, Optional<Counts> indexed) {

    /** Articles and passages in the index. */
    public record Counts(int articles, int passages) {}

    public enum State { ADDING, READY, REMOVING }

    public SourceRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(lastFetched, "lastFetched");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(indexed, "indexed");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt);
        }
    }

    /** A record of a source added at the first try, nothing of it indexed yet. */
    public SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
            Optional<SourceChange.Problem> problem) {
        this(source, title, state, added, lastFetched, problem, 1, Optional.empty());
    }

    public SourceRecord(Source source, String title, State state, Instant added, Optional<Instant> lastFetched,
            Optional<SourceChange.Problem> problem, int attempt) {
        this(source, title, state, added, lastFetched, problem, attempt, Optional.empty());
    }

    public String id() {
        return source.id();
    }

    public SourceRecord with(Source newSource, String newTitle) {
        return new SourceRecord(newSource, newTitle, state, added, lastFetched, problem, attempt, indexed);
    }

    public SourceRecord with(State newState) {
        return new SourceRecord(source, title, newState, added, lastFetched, problem, attempt, indexed);
    }

    public SourceRecord fetched(Instant when) {
        return new SourceRecord(source, title, state, added, Optional.of(when), Optional.empty(), attempt, indexed);
    }

    public SourceRecord failed(SourceChange.Problem why) {
        return new SourceRecord(source, title, state, added, lastFetched, Optional.of(why), attempt, indexed);
    }

    /** The record with what the index now holds of the source. */
    public SourceRecord indexed(int articles, int passages) {
        return new SourceRecord(source, title, state, added, lastFetched, problem, attempt,
                Optional.of(new Counts(articles, passages)));
    }
}
