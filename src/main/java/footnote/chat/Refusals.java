package footnote.chat;

import footnote.corpus.WebAddress;
import java.util.Optional;

/**
 * Why a command other than a moderator's will be refused, found without doing any work: a bad question, a
 * malformed URL, a path given in a server, settings outside a server. One method per command, so a new command
 * says what it needs checked. Whether the asker may give a moderators' command at all is checked before, by type.
 */
final class Refusals implements Command.Visitor<Optional<String>> {

    private static final String SETTINGS_NEED_A_SERVER = "Settings belong to a Discord server; there is nothing to"
            + " set here.";

    private final QuestionCheck check;
    private final Context context;

    Refusals(QuestionCheck check, Context context) {
        this.check = check;
        this.context = context;
    }

    @Override
    public Optional<String> ask(Command.Ask command) {
        return check.problem(check.clean(command.question()));
    }

    @Override
    public Optional<String> help(Command.Help command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> listSources(Command.ListSources command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addSource(Command.AddSource command) {
        return WebAddress.parse(command.url()).isPresent() ? Optional.empty()
                : Optional.of(command.url() + " is not a web address; give an http or https URL.");
    }

    /** A path names a file on the bot's own machine: only the operator at its terminal may read those. */
    @Override
    public Optional<String> uploadSource(Command.UploadSource command) {
        return context.serverId().isPresent() && WebAddress.parse(command.location()).isEmpty()
                ? Optional.of("In a server, upload a file as an attachment.") : Optional.empty();
    }

    @Override
    public Optional<String> removeSource(Command.RemoveSource command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> refreshSources(Command.RefreshSources command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> sourceJobs(Command.SourceJobs command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> showSettings(Command.ShowSettings command) {
        return outsideAServer();
    }

    @Override
    public Optional<String> moderatorRole(Command.ModeratorRole command) {
        return outsideAServer();
    }

    @Override
    public Optional<String> askChannel(Command.AskChannel command) {
        return outsideAServer();
    }

    @Override
    public Optional<String> bundledSources(Command.BundledSources command) {
        return outsideAServer();
    }

    @Override
    public Optional<String> answers(Command.Answers command) {
        return outsideAServer();
    }

    @Override
    public Optional<String> digest(Command.Digest command) {
        return outsideAServer();
    }

    /** The windows are fixed so that every report compares like with like, and none reaches past the retention. */
    @Override
    public Optional<String> insights(Command.Insights command) {
        return Command.Insights.WINDOWS.contains(command.days()) ? Optional.empty()
                : Optional.of("Insights cover the last 7, 30 or 90 days, not " + command.days() + ".");
    }

    @Override
    public Optional<String> forgetInsights(Command.ForgetInsights command) {
        return Optional.empty();
    }

    private Optional<String> outsideAServer() {
        return context.serverId().isEmpty() ? Optional.of(SETTINGS_NEED_A_SERVER) : Optional.empty();
    }
}
