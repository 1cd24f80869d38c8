package footnote.cli;

import footnote.chat.Command.Ask;
import footnote.chat.Context;
import footnote.chat.JsonRenderer;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers one question and exits: for scripts and quick checks. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answers one question from the sources and exits.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "The question (quoting is optional).")
    List<String> words = List.of();

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        try (App app = Startup.configured(config.load(), false, false, terminal)) {
            Reply reply = app.chat.handle(new Ask(String.join(" ", words)), Context.terminal());
            terminal.out.println(json ? new JsonRenderer().render(reply) : new TextRenderer().render(reply));
            return reply.failedOnOurSide() ? 1 : 0;
        }
    }
}
