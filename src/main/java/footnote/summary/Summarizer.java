package footnote.summary;

import footnote.answer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer's summary the configured way. A model's summary is read into sentences and checked
 * ({@link SummaryCheck}); sentences that fail are dropped, and so are sentences that only repeat a quote. When
 * nothing is left, or the model fails, times out, is busy or is not configured, the extractive summary stands in,
 * with a short note that says why; when there is no extractive summary either (no answer span), the answer has
 * none, and the log says why. So the future never fails, and a summary never says more than its excerpts.
 */
public final class Summarizer {

    private static final Logger log = LoggerFactory.getLogger(Summarizer.class);

    /** Which summary answers carry. */
    public enum Mode { NONE, EXTRACTIVE, MODEL }

    private final Mode mode;
    private final ExtractiveSummarizer extractive;
    private final Optional<SummaryModel> model;
    private final int maxSentences;
    private final Duration timeout;
    private final Executor calls;
    private final ModelReply reader = new ModelReply();
    private final SummaryCheck check = new SummaryCheck();

    /**
     * @param model        the language model, in {@link Mode#MODEL}; empty there means it is not configured
     * @param maxSentences the most sentences a model's summary has; the extractive one is a single line
     * @param timeout      how long a model may take before the extractive summary is used instead
     * @param calls        where model calls wait; its queue bounds the calls waiting, and a full one means busy
     */
    public Summarizer(Mode mode, Optional<SummaryModel> model, int maxSentences, Duration timeout, Executor calls) {
        this.mode = mode;
        this.extractive = new ExtractiveSummarizer();
        this.model = model;
        this.maxSentences = maxSentences;
        this.timeout = timeout;
        this.calls = calls;
    }

    /** No summaries at all. */
    public static Summarizer none() {
        return new Summarizer(Mode.NONE, Optional.empty(), 1, Duration.ofSeconds(1), Runnable::run);
    }

    /** The answer itself, quoted from the first excerpt when the answerer marked it: no model, no network. */
    public static Summarizer extractive() {
        return new Summarizer(Mode.EXTRACTIVE, Optional.empty(), 1, Duration.ofSeconds(1), Runnable::run);
    }

    public Mode mode() {
        return mode;
    }

    /** The answer's summary; empty in mode none or when the answer has no excerpts. Never completes exceptionally. */
    public CompletableFuture<Optional<Summary>> summarize(Answer answer) {
        if (mode == Mode.NONE || !answer.found()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (mode == Mode.EXTRACTIVE) {
            return CompletableFuture.completedFuture(extractive.summarize(answer));
        }
        if (model.isEmpty()) {
            return CompletableFuture.completedFuture(instead(answer, "no summary model is configured"));
        }
        SummaryPrompt prompt = SummaryPrompt.of(answer, maxSentences);
        try {
            return CompletableFuture.supplyAsync(() -> model.get().write(prompt), calls)
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((reply, error) -> error == null ? fromModel(answer, reply) : failed(answer, error));
        } catch (RejectedExecutionException e) {
            log.warn("Summary model busy: answering \"{}\" with the extractive summary", answer.question());
            return CompletableFuture.completedFuture(instead(answer, "the summary model is busy"));
        }
    }

    private Optional<Summary> fromModel(Answer answer, String reply) {
        if (reply == null || reply.isBlank()) {
            log.warn("Summary model sent an empty reply for \"{}\"", answer.question());
            return instead(answer, "the summary model sent an empty reply");
        }
        SummaryCheck.Result result = check.check(reader.sentences(reply), answer);
        result.dropped().forEach(why -> log.info("Dropped a summary sentence for \"{}\": {}", answer.question(), why));
        result.repeated().forEach(what -> log.info("Left out a summary sentence for \"{}\": {}", answer.question(),
                what));
        if (result.kept().isEmpty()) {
            return instead(answer, result.dropped().isEmpty() ? "the model's sentences only repeated the quotes"
                    : "none of the model's sentences matched the excerpts");
        }
        List<Summary.Sentence> kept = result.kept().subList(0, Math.min(maxSentences, result.kept().size()));
        int dropped = result.dropped().size();
        Optional<String> note = dropped == 0 ? Optional.empty()
                : Optional.of(dropped == 1 ? "One sentence that did not match the excerpts was left out."
                        : dropped + " sentences that did not match the excerpts were left out.");
        return Optional.of(new Summary(kept, Summary.Origin.MODEL, note));
    }

    private Optional<Summary> failed(Answer answer, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            log.warn("Summary model did not answer \"{}\" within {} s", answer.question(), timeout.toSeconds());
            return instead(answer, "the summary model did not answer within " + seconds(timeout));
        }
        log.warn("Summary model failed for \"{}\": {}", answer.question(), cause.getMessage());
        return instead(answer, "the summary model failed");
    }

    /** The extractive summary, with a note that says why it stands in for the model's. */
    private Optional<Summary> instead(Answer answer, String why) {
        return extractive.summarize(answer).map(s -> s.withNote("No language model summary: " + why + "."));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
