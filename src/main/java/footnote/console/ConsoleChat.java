package footnote.console;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.CommandParser;
import footnote.chat.Context;
import footnote.chat.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The terminal chat: a prompt, a line in, a reply out, until {@code quit} or the end of input. It only translates
 * lines into commands and replies into text; {@link ChatService} does the work.
 */
public final class ConsoleChat {

    private final ChatService chat;
    private final TextRenderer renderer = new TextRenderer();

    public ConsoleChat(ChatService chat) {
        this.chat = chat;
    }

    /** Runs until the input ends or the user quits. */
    public void run(BufferedReader in, PrintStream out, boolean prompt) throws IOException {
        while (true) {
            if (prompt) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit") || lower.equals("/quit")) {
                return;
            }
            Command command = CommandParser.parse(line);
            out.println(renderer.render(chat.handle(command, Context.terminal())));
            if (command instanceof Command.Help) {
                out.println("  quit           leave");
            }
            out.println();
        }
    }
}
