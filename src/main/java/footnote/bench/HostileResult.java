package footnote.bench;

import java.util.Optional;

/**
 * What adding one hostile page did, in a process of its own, and how fast questions matching it were answered.
 *
 * @param seconds        the add's process, start to exit (start-up and the embedding model's load included)
 * @param peakResidentMb the add process's largest resident set, where /proc tells it
 * @param outcome        the line the add printed: added, or refused with the limit it met
 * @param answers        answer times of questions quoting the page, when it was added
 */
public record HostileResult(String page, long bytes, double seconds, Optional<Long> peakResidentMb, String outcome,
        int passages, Optional<Percentiles> answers) {}
