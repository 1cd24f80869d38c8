package footnote.corpus;

import java.util.List;

/**
 * The source work of one scope: what runs now (with its progress), what waits, and which sources failed the last
 * time they were fetched.
 */
public record SourceJobs(List<SourceActivity> running, List<SourceActivity> queued, List<SourceStatus> failed) {

    public SourceJobs {
        running = List.copyOf(running);
        queued = List.copyOf(queued);
        failed = List.copyOf(failed);
    }
}
