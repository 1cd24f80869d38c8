package footnote.fetch;

/**
 * A document that could not be fetched or read. The message is one line meant for the moderator who asked, saying
 * what went wrong in their terms ("… answered 404 Not Found."), never a stack trace.
 */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(oneLine(message));
    }

    public FetchException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // Messages quote URLs, server reason phrases and file names, which are not ours: keep them to one tidy line.
    private static String oneLine(String message) {
        String text = message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
