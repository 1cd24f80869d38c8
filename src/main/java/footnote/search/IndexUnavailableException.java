package footnote.search;

/**
 * The index cannot be used as asked, with a one-line message for the operator and a {@link Reason} that callers
 * decide on (never the message's words).
 */
public final class IndexUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the index cannot be used. */
    public enum Reason {
        /** Another process holds the index's write lock: it can still be read. */
        IN_USE,
        /** Anything else: missing, built with other settings, damaged, or a backend that failed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public IndexUnavailableException(String message, Throwable cause) {
        this(Reason.UNAVAILABLE, message, cause);
    }

    public IndexUnavailableException(String message) {
        this(Reason.UNAVAILABLE, message, null);
    }

    public IndexUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
