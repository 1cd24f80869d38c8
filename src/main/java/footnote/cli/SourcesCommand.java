package footnote.cli;

import footnote.chat.CommandParser;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import footnote.console.ConsoleChat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The source commands of the chat, from the command line: for operators and scripts. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Manages the sources that serve every server, as the terminal chat does:",
                "  sources [list [PAGE]] | add URL | upload FILE | remove ID | refresh [ID] | status"})
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "WORDS", arity = "0..*", description = "What to do, as in the chat.")
    List<String> words = List.of();

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        try (App app = Startup.configured(config.load(), false, false, terminal)) {
            ConsoleChat console = new ConsoleChat(app.chat,
                    terminal.interactive() ? Optional.of(terminal.err) : Optional.empty());
            Reply reply = console.perform(CommandParser.parse("sources " + String.join(" ", words)));
            terminal.out.println(new TextRenderer().render(reply));
            app.sources.awaitIdle(); // retries queued at start-up finish before the process exits
            boolean failed = reply instanceof Reply.Failure || reply instanceof Reply.Refusal
                    || reply instanceof Reply.SourceChanged changed && !changed.change().done();
            return failed ? 1 : 0;
        }
    }
}
