package footnote.insights;

/** The insights store could not be read or written: the record is lost, the answer is not. */
public final class InsightStoreException extends RuntimeException {

    public InsightStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
