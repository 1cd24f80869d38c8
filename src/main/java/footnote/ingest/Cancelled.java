package footnote.ingest;

/**
 * Source work stopped before its end. Thrown where the stop is noticed and passed up unchanged to the job, which
 * reports it as what it is, never as a failure.
 */
public final class Cancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the work stopped. */
    public enum Why {
        /** Its source was removed, in this process or in another sharing the sources. */
        REMOVED,
        /** It ran longer than a job may ({@code sources.maxJobMinutes}). */
        TIME_UP
    }

    private final Why why;

    public Cancelled(Why why) {
        super(why.name(), null, false, false); // control flow, not an error: no stack trace
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
