package footnote.chat;

import java.util.Optional;

/** What a person can ask the bot to do; the terminal and Discord offer the same set. */
public sealed interface Command {

    record Ask(String question) implements Command {}

    record Help() implements Command {}

    /** @param page 1 for the first page of the list */
    record ListSources(int page) implements Command {
        public ListSources {
            page = Math.max(1, page);
        }

        public ListSources() {
            this(1);
        }
    }

    /** Commands that change what the bot knows or how it behaves in a server: moderators only. */
    sealed interface Moderation extends Command {}

    /** Adds an article page or an RSS/Atom feed: which one, the URL's content tells. */
    record AddSource(String url) implements Moderation {}

    /** Adds an uploaded file, read from {@code location}: the attachment's URL, or a local path in the terminal. */
    record UploadSource(String fileName, String location) implements Moderation {}

    record RemoveSource(String id) implements Moderation {}

    /** Refetches one source, or every source of the server when {@code id} is empty. */
    record RefreshSources(Optional<String> id) implements Moderation {}

    /** What source work is running, queued or failed. */
    record SourceJobs() implements Moderation {}

    record ShowSettings() implements Moderation {}

    /** Counts members with this role as moderators ({@code on}), or stops doing so. */
    record ModeratorRole(String roleId, boolean on) implements Moderation {}

    /** Takes every message in this channel as a question ({@code on}), or stops doing so. */
    record AskChannel(String channelId, boolean on) implements Moderation {}

    /** Shows the sources shipped with the bot in this server ({@code shown}), or hides them. */
    record BundledSources(boolean shown) implements Moderation {}
}
