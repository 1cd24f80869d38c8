package footnote.search;

/**
 * The index cannot be opened as asked: corrupt, locked by another process, or built for another embedding model.
 * The message is one line meant for the operator and says what to do.
 */
public final class IndexUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexUnavailableException(String message) {
        super(message);
    }
}
