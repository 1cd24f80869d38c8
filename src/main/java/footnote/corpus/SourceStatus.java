package footnote.corpus;

import java.time.Instant;
import java.util.Optional;

/**
 * A source as the source list shows it: what was indexed from it, when it was last fetched, and what went wrong
 * the last time.
 *
 * @param title       the source's title (page, feed or file), or its id before it was first read
 * @param state       ready to answer, or being added or removed
 * @param lastFetched when its content was last fetched (files shipped with the bot: never)
 * @param problem     why the last fetch or read failed; what was indexed before stays searchable
 */
public record SourceStatus(Source source, String title, SourceState state, Optional<Instant> lastFetched, int articles,
        int passages, Optional<SourceChange.Problem> problem) {

    public SourceStatus(Source source, String title, int articles, int passages,
            Optional<SourceChange.Problem> problem) {
        this(source, title, SourceState.READY, Optional.empty(), articles, passages, problem);
    }
}
