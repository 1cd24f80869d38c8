package footnote.ingest;

import java.util.Optional;

/**
 * Whether a piece of source work must stop, and why: what the ingester and the job bodies ask before each step
 * that costs (a batch of embedding, a fetch, a write). {@link JobQueue} owns the tokens, one per job.
 */
public interface Cancellation {

    /** Work nobody can stop: a full indexing pass at start-up. */
    Cancellation NEVER = Optional::empty;

    /** Why the work must stop now; empty while it may go on. */
    Optional<Cancelled.Why> stopped();

    /** @throws Cancelled when the work must stop */
    default void check() {
        Optional<Cancelled.Why> why = stopped();
        if (why.isPresent()) {
            throw new Cancelled(why.get());
        }
    }
}
