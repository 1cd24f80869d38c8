package footnote.console;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.CommandParser;
import footnote.chat.Context;
import footnote.chat.InsightLines;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import footnote.conversation.ConversationKey;
import footnote.corpus.Progress;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal chat: a prompt, a line in, a reply out, until {@code quit} or the end of input. It only translates
 * lines into commands and replies into text; {@link ChatService} does the work. Slow source work shows progress
 * on the error stream when a person is watching.
 */
public final class ConsoleChat {

    private final ChatService chat;
    /** The terminal chat also takes {@code quit}, which {@code ask} and the other commands do not. */
    private final TextRenderer renderer = new TextRenderer(List.of(
            "  +                     the last answer was helpful",
            "  - [what was wrong]    the last answer was not helpful (a comment may follow)",
            "  new                   start a new conversation: later questions are not read as follow-ups",
            "  quit                  leave"));
    /**
     * The terminal has one voter, the operator: their votes count once per answer, like any member's. The id is a
     * name, not a person: it is hashed with the record like a member's id and never stored.
     */
    static final String OPERATOR = "operator";
    /** {@code -} alone, or with a comment: {@code - the date is wrong}. */
    private static final Pattern NOT_HELPFUL = Pattern.compile("-(?:\\s+(.*))?");
    private final Optional<PrintStream> progress;
    /** Consecutive lines are one conversation; {@code new} starts the next one. */
    private long session;
    /** The record of the last answer, which {@code +} and {@code -} vote on. */
    private Optional<String> lastRecord = Optional.empty();

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
            Optional<String> own = own(line.strip(), lower);
            if (own.isPresent()) {
                out.println(own.get());
                out.println();
                continue;
            }
            Reply reply = perform(CommandParser.parse(line));
            // Small talk has no record: "thanks!" then "+" still votes on the answer before it.
            Optional<String> before = lastRecord;
            lastRecord = reply.answered().flatMap(Reply.Answered::recordId).or(() -> before);
            show(reply, out);
            out.println();
        }
    }

    /** The terminal's own lines, which no other adapter has: {@code new}, and votes on the last answer. */
    private Optional<String> own(String line, String lower) {
        if (lower.equals("new") || lower.equals("/new")) {
            chat.conversations().forget(ConversationKey.terminal(session));
            session++;
            return Optional.of("New conversation: the next question is read on its own.");
        }
        if (line.equals("+")) {
            return Optional.of(vote(Vote.HELPFUL, Optional.empty()));
        }
        Matcher minus = NOT_HELPFUL.matcher(line);
        if (minus.matches()) {
            return Optional.of(vote(Vote.NOT_HELPFUL, Optional.ofNullable(minus.group(1)).map(String::strip)));
        }
        return Optional.empty();
    }

    /** The operator's vote, and comment, on the last answer, acknowledged in one line. */
    private String vote(Vote vote, Optional<String> comment) {
        if (!chat.recordsInsights()) {
            return InsightLines.vote(VoteResult.OFF, vote);
        }
        if (lastRecord.isEmpty()) {
            return "There is no answer to vote on yet: + and - vote on the last answer.";
        }
        VoteResult result = chat.vote(context(), OPERATOR, lastRecord.get(), vote);
        String said = InsightLines.vote(result, vote);
        if (comment.isEmpty() || !recorded(result)) {
            return said;
        }
        VoteResult commented = chat.comment(context(), OPERATOR, lastRecord.get(), comment.get());
        return recorded(commented) ? InsightLines.voteWithComment(result, vote)
                : said + " " + InsightLines.comment(commented);
    }

    private static boolean recorded(VoteResult result) {
        return result == VoteResult.RECORDED || result == VoteResult.CHANGED || result == VoteResult.UNCHANGED;
    }

    private void show(Reply reply, PrintStream out) {
        CompletableFuture<Reply> summarized = chat.summarize(reply);
        if (summarized.isDone()) {
            out.println(renderer.render(summarized.join()));
            return;
        }
        // A model is writing the summary: the quotes need not wait for it.
        out.println(renderer.render(reply));
        out.flush();
        summarized.join().answered().ifPresent(answered -> answered.summary().ifPresent(summary -> {
            out.println();
            out.println(renderer.summary(summary, answered.answer().excerpts()));
        }));
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
