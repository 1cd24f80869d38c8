package footnote.discord;

/**
 * A rendered message for a chat service, within its limits.
 *
 * @param ephemeral only the asker should see it (refusals, help, settings)
 */
public record OutgoingMessage(String content, boolean ephemeral) {}
