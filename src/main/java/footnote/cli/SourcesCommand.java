package footnote.cli;

import footnote.chat.CommandParser;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import footnote.console.ConsoleChat;
import footnote.ingest.Repair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The source commands of the chat, from the command line: for operators and scripts. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Manages the sources that serve every server, as the terminal chat does:",
                "  sources [list [PAGE]] | add URL | upload FILE | remove ID | refresh [ID] | status | repair",
                "repair restores sources whose registry record was found damaged, from their copies."})
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "WORDS", arity = "0..*", description = "What to do, as in the chat.")
    List<String> words = List.of();

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        try (App app = Startup.configured(config.load(), false, false, terminal)) {
            if (words.equals(List.of("repair"))) {
                return repair(app);
            }
            ConsoleChat console = new ConsoleChat(app.chat,
                    terminal.interactive() ? Optional.of(terminal.err) : Optional.empty());
            footnote.chat.Command command = CommandParser.parse("sources " + String.join(" ", words));
            Reply reply = console.perform(command);
            boolean failed = !reply.carriedOut();
            // What was done goes to standard output; a refusal or failure is the one line on standard error.
            (failed ? terminal.err : terminal.out).println(new TextRenderer().render(reply));
            if (command.changesSources()) {
                // A change waits for retries queued at start-up, which share its queue; a look at the list or the
                // status never waits behind them (an unfinished retry is simply taken up by the next start).
                app.sources.awaitIdle();
            }
            return failed ? 1 : 0;
        }
    }

    /** Operators only: the registry's damaged records are a matter of this machine's files, not of any server. */
    private int repair(App app) {
        List<Repair> repairs = app.sources.repair();
        if (repairs.isEmpty()) {
            terminal.out.println("No source record is damaged; nothing to repair.");
            return 0;
        }
        boolean failed = false;
        for (Repair repair : repairs) {
            if (repair instanceof Repair.Restored restored) {
                terminal.out.println("Restored " + restored.record().source().kind().label() + " "
                        + restored.record().title() + " (id " + restored.sourceId() + ") from its copies.");
            } else if (repair instanceof Repair.Unrestorable unrestorable) {
                failed = true;
                terminal.err.println("Could not restore source " + unrestorable.sourceId() + ": "
                        + switch (unrestorable.why()) {
                            case NO_COPIES -> "it has no copies left; add it again.";
                            case SCOPE_UNKNOWN -> "none of its passages is indexed, so its server is unknown; add it"
                                    + " again where it belongs.";
                            case FEED_ADDRESS_UNKNOWN -> "a feed's address is not kept in its copies; add the feed"
                                    + " again (its copies stay until then).";
                        });
            }
        }
        return failed ? 1 : 0;
    }
}
