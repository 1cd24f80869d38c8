package footnote.chat;

import java.util.List;
import java.util.Optional;

/**
 * What a person can ask the bot to do; the terminal and Discord offer the same set. {@link ChatService} carries
 * commands out through {@link Visitor}, so a new command does not compile until it says what the command does.
 */
public sealed interface Command {

    /** Calls the visitor's method for this command. */
    <R> R accept(Visitor<R> visitor);

    /** One method per command. */
    interface Visitor<R> {

        R ask(Ask command);

        R help(Help command);

        R listSources(ListSources command);

        R addSource(AddSource command);

        R uploadSource(UploadSource command);

        R removeSource(RemoveSource command);

        R refreshSources(RefreshSources command);

        R sourceJobs(SourceJobs command);

        R showSettings(ShowSettings command);

        R moderatorRole(ModeratorRole command);

        R askChannel(AskChannel command);

        R bundledSources(BundledSources command);

        R answers(Answers command);

        R digest(Digest command);

        R insights(Insights command);

        R forgetInsights(ForgetInsights command);
    }

    /** Whether only moderators may give it: true for every {@link Moderation} command, by its type. */
    default boolean forModerators() {
        return false;
    }

    /** Whether it is a question, which adapters throttle per member. */
    default boolean isQuestion() {
        return false;
    }

    /** Whether it may take long (fetching, embedding): adapters acknowledge it first and report progress. */
    default boolean slow() {
        return false;
    }

    /** Whether it adds, refreshes or removes sources: work that queues behind other source work. */
    default boolean changesSources() {
        return false;
    }

    record Ask(String question) implements Command {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ask(this);
        }

        @Override
        public boolean isQuestion() {
            return true;
        }
    }

    record Help() implements Command {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.help(this);
        }
    }

    /** @param page 1 for the first page of the list */
    record ListSources(int page) implements Command {
        public ListSources {
            page = Math.max(1, page);
        }

        public ListSources() {
            this(1);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listSources(this);
        }
    }

    /**
     * What this server's members asked over the last {@code days} (7, 30 or 90; other values are refused), how the
     * answers served them and which sources did: moderators only, since it shows members' questions.
     */
    record Insights(int days) implements Moderation {

        /** The windows a moderator chooses from: a week, a month, a quarter (the default retention). */
        public static final List<Integer> WINDOWS = List.of(7, 30, 90);

        public Insights() {
            this(WINDOWS.get(0));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.insights(this);
        }

        /** Grouping the unanswered questions embeds each of them: a second or more over a busy quarter. */
        @Override
        public boolean slow() {
            return true;
        }
    }

    /** Deletes every insight record of this server at once, before the retention would. */
    record ForgetInsights() implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forgetInsights(this);
        }
    }

    /**
     * Commands that change what the bot knows or how it behaves in a server, or show what its members asked:
     * moderators only.
     */
    sealed interface Moderation extends Command {

        @Override
        default boolean forModerators() {
            return true;
        }
    }

    /** Adds an article page or an RSS/Atom feed: which one, the URL's content tells. */
    record AddSource(String url) implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addSource(this);
        }

        @Override
        public boolean slow() {
            return true;
        }

        @Override
        public boolean changesSources() {
            return true;
        }
    }

    /** Adds an uploaded file, read from {@code location}: the attachment's URL, or a local path in the terminal. */
    record UploadSource(String fileName, String location) implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.uploadSource(this);
        }

        @Override
        public boolean slow() {
            return true;
        }

        @Override
        public boolean changesSources() {
            return true;
        }
    }

    record RemoveSource(String id) implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeSource(this);
        }

        @Override
        public boolean changesSources() {
            return true;
        }
    }

    /** Refetches one source, or every source of the server when {@code id} is empty. */
    record RefreshSources(Optional<String> id) implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refreshSources(this);
        }

        @Override
        public boolean slow() {
            return true;
        }

        @Override
        public boolean changesSources() {
            return true;
        }
    }

    /** What source work is running, queued or failed. */
    record SourceJobs() implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sourceJobs(this);
        }
    }

    record ShowSettings() implements Moderation {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.showSettings(this);
        }
    }

    /**
     * A change to one server's settings. It is also what a {@link Reply.Settings} reports as changed, so each
     * renderer words it, naming the role or channel its own way; {@link Visitor} makes them cover every kind.
     */
    sealed interface SettingChange extends Moderation {

        /** The settings with this change made. */
        ServerSettings applyTo(ServerSettings settings);

        /** Calls the visitor's method for this kind of change. */
        <R> R accept(Visitor<R> visitor);

        /** One method per kind of settings change. */
        interface Visitor<R> {

            R moderatorRole(ModeratorRole change);

            R askChannel(AskChannel change);

            R bundledSources(BundledSources change);

            R answers(Answers change);

            R digest(Digest change);
        }
    }

    /** Counts members with this role as moderators ({@code on}), or stops doing so. */
    record ModeratorRole(String roleId, boolean on) implements SettingChange {

        @Override
        public <R> R accept(Command.Visitor<R> visitor) {
            return visitor.moderatorRole(this);
        }

        @Override
        public <R> R accept(SettingChange.Visitor<R> visitor) {
            return visitor.moderatorRole(this);
        }

        @Override
        public ServerSettings applyTo(ServerSettings settings) {
            return settings.withModeratorRole(roleId, on);
        }
    }

    /** Takes every message in this channel as a question ({@code on}), or stops doing so. */
    record AskChannel(String channelId, boolean on) implements SettingChange {

        @Override
        public <R> R accept(Command.Visitor<R> visitor) {
            return visitor.askChannel(this);
        }

        @Override
        public <R> R accept(SettingChange.Visitor<R> visitor) {
            return visitor.askChannel(this);
        }

        @Override
        public ServerSettings applyTo(ServerSettings settings) {
            return settings.withAskChannel(channelId, on);
        }
    }

    /** Shows the sources shipped with the bot in this server ({@code shown}), or hides them. */
    record BundledSources(boolean shown) implements SettingChange {

        @Override
        public <R> R accept(Command.Visitor<R> visitor) {
            return visitor.bundledSources(this);
        }

        @Override
        public <R> R accept(SettingChange.Visitor<R> visitor) {
            return visitor.bundledSources(this);
        }

        @Override
        public ServerSettings applyTo(ServerSettings settings) {
            return settings.withBundled(shown);
        }
    }

    /** Where answers that start a conversation go in this server: a thread on the question, or a reply. */
    record Answers(ServerSettings.AnswersIn in) implements SettingChange {

        @Override
        public <R> R accept(Command.Visitor<R> visitor) {
            return visitor.answers(this);
        }

        @Override
        public <R> R accept(SettingChange.Visitor<R> visitor) {
            return visitor.answers(this);
        }

        @Override
        public ServerSettings applyTo(ServerSettings settings) {
            return settings.withAnswersIn(in);
        }
    }

    /**
     * Posts the insights report of the last week to this channel once a week ({@code channelId}), or stops the
     * digest (empty). The report shows members' questions, so only moderators choose where it goes.
     */
    record Digest(Optional<String> channelId) implements SettingChange {

        @Override
        public <R> R accept(Command.Visitor<R> visitor) {
            return visitor.digest(this);
        }

        @Override
        public <R> R accept(SettingChange.Visitor<R> visitor) {
            return visitor.digest(this);
        }

        @Override
        public ServerSettings applyTo(ServerSettings settings) {
            return settings.withDigestChannel(channelId);
        }
    }
}
