package footnote.chat;

/** What a person can ask the bot to do; the terminal and Discord offer the same set. */
public sealed interface Command {

    record Ask(String question) implements Command {}

    record Help() implements Command {}

    record ListSources() implements Command {}

    /** Commands that change how the bot behaves in a server: moderators only. */
    sealed interface Moderation extends Command {}

    record ShowSettings() implements Moderation {}

    /** Counts members with this role as moderators ({@code on}), or stops doing so. */
    record ModeratorRole(String roleId, boolean on) implements Moderation {}

    /** Takes every message in this channel as a question ({@code on}), or stops doing so. */
    record AskChannel(String channelId, boolean on) implements Moderation {}
}
