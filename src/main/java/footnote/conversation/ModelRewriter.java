package footnote.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a follow-up into a standalone question with a language model, within a short deadline. What comes back
 * is only a proposal, read from the reply's first line: {@link FollowUps} checks it against the conversation's
 * words. Whatever goes wrong (the model fails, is slow or busy, or replies with nothing) there is no rewrite and
 * the model-free reading stands in; the log says which, without the member's words. Never throws. Thread-safe.
 */
public final class ModelRewriter implements QuestionRewriter {

    private static final Logger log = LoggerFactory.getLogger(ModelRewriter.class);

    /**
     * The longest a rewrite may take. The follow-up's answer waits for it (what is searched depends on it, so the
     * quotes cannot go first as they do before a model's summary), a one-line reply needs far less from a model
     * that is not overloaded, and when it is, the model-free reading answers at once and well enough.
     */
    static final Duration MAX_DEADLINE = Duration.ofSeconds(5);

    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?(</think>|$)");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:the\\s+)?(?:rewritten|standalone|stand-alone)\\s+)?(?:question|rewrite)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    /** Quotation marks, each opening one at the same place as the one that closes it. */
    private static final String OPENING = "\"'“‘«";
    private static final String CLOSING = "\"'”’»";

    private final RewriteModel model;
    private final Executor calls;
    private final Duration deadline;

    /**
     * @param calls    where model calls wait, shared with the summaries; a full queue means busy
     * @param deadline how long the answer waits for the rewrite; see {@link #deadline(Duration)}
     */
    public ModelRewriter(RewriteModel model, Executor calls, Duration deadline) {
        this.model = model;
        this.calls = calls;
        this.deadline = deadline;
    }

    /** The rewrite's deadline: the model's configured time-out, but never more than {@link #MAX_DEADLINE}. */
    public static Duration deadline(Duration modelTimeout) {
        return modelTimeout.compareTo(MAX_DEADLINE) < 0 ? modelTimeout : MAX_DEADLINE;
    }

    @Override
    public Optional<String> rewrite(List<Turn> recent, String followUp) {
        RewritePrompt prompt = RewritePrompt.of(recent, followUp);
        FutureTask<String> call = new FutureTask<>(() -> model.reply(prompt));
        try {
            calls.execute(call);
            Optional<String> question = question(call.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
            if (question.isEmpty()) {
                log.warn("Language model sent no rewrite of a follow-up: it is read without the model");
            }
            return question;
        } catch (TimeoutException e) {
            // Interrupting frees the shared call thread now rather than when the client's own time-out (the
            // summary's, plus a margin) ends it, so a slow model does not also make the summaries busy.
            call.cancel(true);
            log.warn("Language model did not rewrite a follow-up within {} ms: it is read without the model",
                    deadline.toMillis());
        } catch (RejectedExecutionException e) {
            log.warn("Language model busy: a follow-up is read without the model");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("Language model failed to rewrite a follow-up ({}): it is read without the model",
                    firstLine(cause));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            log.warn("Interrupted while the language model rewrote a follow-up: it is read without the model");
        } catch (RuntimeException e) {
            log.warn("Rewriting a follow-up failed ({}): it is read without the model", firstLine(e));
        }
        return Optional.empty();
    }

    /**
     * The question in a model's reply. Models format loosely: a reasoning model's {@code <think>} block is dropped,
     * then the first line that says anything is taken, without a label ("Question:"), emphasis or the quotation
     * marks around it. Empty when nothing is left, or when it is longer than any question worth searching.
     */
    static Optional<String> question(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String text = THINKING.matcher(reply).replaceAll("\n");
        Optional<String> line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        return line.map(l -> EMPHASIS.matcher(l).replaceAll("").strip())
                .map(l -> LABEL.matcher(l).replaceFirst(""))
                .map(ModelRewriter::unquoted)
                .filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
                .filter(l -> l.length() <= RewriteCheck.MAX_CHARS);
    }

    /**
     * The line without the quotation marks around the whole of it; marks that open and close inside ("'Tencent' or
     * 'Baidu'") are the question's own and stay.
     */
    private static String unquoted(String line) {
        String text = line.strip();
        while (text.length() >= 2) {
            int pair = OPENING.indexOf(text.charAt(0));
            String inside = text.substring(1, text.length() - 1);
            if (pair < 0 || text.charAt(text.length() - 1) != CLOSING.charAt(pair)
                    || inside.indexOf(OPENING.charAt(pair)) >= 0 || inside.indexOf(CLOSING.charAt(pair)) >= 0) {
                break;
            }
            text = inside.strip();
        }
        return text;
    }

    /** The error's first line, which the port keeps free of conversation text; its kind when it has none. */
    private static String firstLine(Throwable error) {
        return Optional.ofNullable(error.getMessage()).flatMap(m -> m.lines().findFirst()).filter(m -> !m.isBlank())
                .orElse(error.getClass().getSimpleName());
    }
}
