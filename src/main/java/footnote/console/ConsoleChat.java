package footnote.console;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.CommandParser;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import footnote.conversation.ConversationKey;
import footnote.corpus.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The terminal chat: a prompt, a line in, a reply out, until {@code quit} or the end of input. It only translates
 * lines into commands and replies into text; {@link ChatService} does the work. Slow source work shows progress
 * on the error stream when a person is watching.
 */
public final class ConsoleChat {

    private final ChatService chat;
    /** The terminal chat also takes {@code quit}, which {@code ask} and the other commands do not. */
    private final TextRenderer renderer = new TextRenderer(List.of(
            "  new                   start a new conversation: later questions are not read as follow-ups",
            "  quit                  leave"));
    private final Optional<PrintStream> progress;
    /** Consecutive lines are one conversation; {@code new} starts the next one. */
    private long session;

    /** @param progress where to draw progress bars; empty when nobody watches (a pipe, a test) */
    public ConsoleChat(ChatService chat, Optional<PrintStream> progress) {
        this.chat = chat;
        this.progress = progress;
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
            if (lower.equals("new") || lower.equals("/new")) {
                chat.conversations().forget(ConversationKey.terminal(session));
                session++;
                out.println("New conversation: the next question is read on its own.");
                out.println();
                continue;
            }
            Command command = CommandParser.parse(line);
            Reply reply = perform(command);
            CompletableFuture<Reply> summarized = chat.summarize(reply);
            if (summarized.isDone()) {
                out.println(renderer.render(summarized.join()));
            } else {
                // A model is writing the summary: the quotes need not wait for it.
                out.println(renderer.render(reply));
                out.flush();
                summarized.join().answered().ifPresent(answered -> answered.summary().ifPresent(summary -> {
                    out.println();
                    out.println(renderer.summary(summary, answered.answer().excerpts()));
                }));
            }
            out.println();
        }
    }

    /**
     * Carries out one command as the terminal's operator, with a progress bar for slow ones; an answer comes
     * without its summary ({@link ChatService#summarize} adds it).
     */
    public Reply perform(Command command) {
        if (progress.isEmpty() || !command.slow()) {
            return chat.perform(command, context(), Progress.NONE).join();
        }
        try (TerminalProgress bar = new TerminalProgress(progress.get())) {
            return chat.perform(command, context(), bar).join();
        }
    }

    private Context context() {
        return Context.terminal().in(ConversationKey.terminal(session));
    }
}
