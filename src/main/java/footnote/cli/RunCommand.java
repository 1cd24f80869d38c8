package footnote.cli;

import footnote.config.Config;
import footnote.console.ConsoleChat;
import footnote.corpus.Scope;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The bot's main job: Discord when a token is set, else the terminal chat over the sources. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the bot: in Discord when the token variable (default DISCORD_TOKEN) is set,",
                "otherwise as a chat in this terminal. Builds or updates the index first."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        Config settings = config.load();
        String token = System.getenv(settings.discord().tokenVariable());
        if (token != null && !token.isBlank()) {
            terminal.err.println("footnote: " + settings.discord().tokenVariable()
                    + " is set, but this build has no Discord adapter yet; unset it to chat in the terminal.");
            return 1;
        }
        try (App app = Startup.configured(settings, false, false, terminal)) {
            boolean interactive = terminal.interactive();
            if (interactive) {
                terminal.out.println("Footnote: " + app.board.list(Set.of(Scope.GLOBAL)).size()
                        + " sources. Ask a question, or type help. Type quit to leave.");
            }
            new ConsoleChat(app.chat).run(terminal.in(), terminal.out, interactive);
        }
        return 0;
    }
}
