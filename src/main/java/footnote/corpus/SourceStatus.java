package footnote.corpus;

import java.util.Optional;

/**
 * A source as the source list shows it: what was indexed from it, and what went wrong the last time it was read.
 *
 * @param title   the source's title (its article's title for a single file), or its id before it was first read
 * @param problem why the last read failed; what was indexed before stays searchable
 */
public record SourceStatus(Source source, String title, int articles, int passages, Optional<String> problem) {}
