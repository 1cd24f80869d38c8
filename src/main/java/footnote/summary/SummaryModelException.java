package footnote.summary;

/** The summary model could not be reached, or answered with an error; the message is safe to log. */
public final class SummaryModelException extends RuntimeException {

    public SummaryModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
