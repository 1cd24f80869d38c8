package footnote.discord.emulator;

/**
 * An interaction the emulator sent to the bot ({@code INTERACTION_CREATE}): a slash command, a button press or a
 * modal submission.
 *
 * @param id    the interaction's id, as in {@code POST /interactions/{id}/{token}/callback}
 * @param token the interaction token, as in the callback and in {@code /webhooks/{application_id}/{token}/...}
 */
public record Interaction(long id, String token) {
}
