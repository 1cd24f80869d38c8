package footnote.discord;

/** Logging in to Discord failed; the message is one line for the operator and never contains the token. */
public final class DiscordLoginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiscordLoginException(String message) {
        super(message);
    }
}
