package footnote.summary;

import static footnote.testing.Excerpts.LEADERS;
import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.SUMMIT;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.answering;
import static footnote.testing.Excerpts.excerpt;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The summary policy with a fake model: what is sent, what is kept, and when the extractive summary stands in. */
class SummarizerTest {

    private final Answer answer = answer("Who sat with Jack Ma?",
            answering(excerpt(1, SEATED, "Jack", "Ma"), "Xiaomi founder and CEO Lei Jun"),
            excerpt(2, LEADERS, "leaders"), excerpt(3, SUMMIT, "summit"));
    private final List<SummaryPrompt> prompts = new ArrayList<>();

    private Summarizer withModel(String reply) {
        SummaryModel model = prompt -> {
            prompts.add(prompt);
            return reply;
        };
        return new Summarizer(Summarizer.Mode.MODEL, Optional.of(model), 2, Duration.ofSeconds(5), Runnable::run);
    }

    @Test
    void mode_none_writes_no_summary() {
        assertThat(Summarizer.none().summarize(answer).join()).isEmpty();
    }

    @Test
    void mode_extractive_quotes_the_answer_at_once_without_a_note() {
        var future = Summarizer.extractive().summarize(answer);

        assertThat(future).isDone();
        Summary summary = future.join().orElseThrow();
        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.note()).isEmpty();
        assertThat(summary.sentences()).extracting(Summary.Sentence::text)
                .containsExactly("Xiaomi founder and CEO Lei Jun");
    }

    @Test
    void an_answer_without_excerpts_gets_no_summary_and_the_model_is_not_asked() {
        assertThat(withModel("Anything [1].").summarize(answer("Who won the 2022 World Cup?")).join()).isEmpty();
        assertThat(prompts).isEmpty();
    }

    @Test
    void keeps_no_more_sentences_than_configured() {
        Summary summary = withModel("Jack Ma sat with Lei Jun [1]. Huawei and BYD were there [2]. Xi launched the"
                + " summit in 2014 [3].").summarize(answer).join().orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.MODEL);
        assertThat(summary.sentences()).hasSize(2);
        assertThat(prompts).singleElement().satisfies(p -> assertThat(p.instructions()).contains("at most 2"));
    }

    @Test
    void leaves_out_a_models_sentence_that_only_repeats_a_quote_without_a_note() {
        Summary summary = withModel("Jack Ma sat with Lei Jun [1]. " + LEADERS + " [2]").summarize(answer).join()
                .orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.MODEL);
        assertThat(summary.sentences()).extracting(Summary.Sentence::text).containsExactly("Jack Ma sat with Lei Jun.");
        assertThat(summary.note()).isEmpty();
    }

    @Test
    void when_the_model_only_repeats_the_quotes_the_answer_line_stands_in_and_says_so() {
        Summary summary = withModel(SEATED + " [1]").summarize(answer).join().orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.note()).contains("No language model summary: the model's sentences only repeated the quotes.");
    }

    @Test
    void when_the_model_fails_and_no_answer_is_marked_there_is_no_summary_at_all() {
        Answer unmarked = answer("Who sat with Jack Ma?", excerpt(1, SEATED, "Jack", "Ma"));
        Summarizer broken = new Summarizer(Summarizer.Mode.MODEL, Optional.of(prompt -> {
            throw new IllegalStateException("down");
        }), 3, Duration.ofSeconds(5), Runnable::run);

        assertThat(broken.summarize(unmarked).join()).isEmpty();
    }

    @Test
    void without_a_configured_model_the_extractive_summary_says_so() {
        Summary summary = new Summarizer(Summarizer.Mode.MODEL, Optional.empty(), 3, Duration.ofSeconds(5),
                Runnable::run).summarize(answer).join().orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.note()).contains("No language model summary: no summary model is configured.");
    }

    @Test
    void when_every_model_call_is_taken_the_extractive_summary_says_the_model_is_busy() {
        Summarizer busy = new Summarizer(Summarizer.Mode.MODEL, Optional.of(prompt -> "unused [1]."), 3,
                Duration.ofSeconds(5), task -> {
                    throw new RejectedExecutionException("queue full");
                });

        Summary summary = busy.summarize(answer).join().orElseThrow();

        assertThat(summary.note()).contains("No language model summary: the summary model is busy.");
    }

    @Test
    void a_model_that_throws_anything_still_yields_a_summary() {
        Summarizer broken = new Summarizer(Summarizer.Mode.MODEL, Optional.of(prompt -> {
            throw new IllegalStateException("bug in the adapter");
        }), 3, Duration.ofSeconds(5), Runnable::run);

        Summary summary = broken.summarize(answer).join().orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.note()).contains("No language model summary: the summary model failed.");
    }
}
