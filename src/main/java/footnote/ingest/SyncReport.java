package footnote.ingest;

import footnote.corpus.SourceStatus;
import java.time.Duration;
import java.util.List;

/**
 * What one pass of indexing did, counted in articles.
 *
 * @param statuses one per source, in the order given
 */
public record SyncReport(
        int added, int updated, int unchanged, int removed, int passages, List<SourceStatus> statuses,
        Duration took) {

    public SyncReport {
        statuses = List.copyOf(statuses);
    }

    public List<SourceStatus> failures() {
        return statuses.stream().filter(s -> s.problem().isPresent()).toList();
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d articles added, %d updated, %d unchanged, %d removed; %d passages; %d failed; %.1f s",
                added, updated, unchanged, removed, passages, failures().size(), took.toMillis() / 1000.0);
    }
}
