package footnote.summary;

import static footnote.testing.Excerpts.LEADERS;
import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.SPEECH;
import static footnote.testing.Excerpts.SUMMIT;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.answering;
import static footnote.testing.Excerpts.excerpt;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    @Test
    void quotes_the_first_excerpts_answer_span_exactly_and_cites_it() {
        Answer answer = answer("Who sat with Jack Ma?",
                answering(excerpt(1, SPEECH + " " + SEATED, "Jack", "Ma"), "Xiaomi founder and CEO Lei Jun"),
                excerpt(2, LEADERS, "leaders"));

        Summary summary = summarizer.summarize(answer).orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.sentences()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("Xiaomi founder and CEO Lei Jun");
            assertThat(s.cites()).containsExactly(1);
        });
        assertThat(summary.text()).isEqualTo("Xiaomi founder and CEO Lei Jun [1]");
    }

    @Test
    void writes_no_summary_without_an_answer_span_in_the_first_excerpt() {
        Answer unmarked = answer("Who sat with Jack Ma?", excerpt(1, SEATED, "Jack", "Ma"),
                excerpt(2, LEADERS, "leaders"));
        Answer markedLater = answer("Who sat with Jack Ma?", excerpt(1, SEATED, "Jack", "Ma"),
                answering(excerpt(2, LEADERS, "leaders"), "Huawei, Xiaomi"));

        assertThat(summarizer.summarize(unmarked)).isEmpty();
        assertThat(summarizer.summarize(markedLater)).isEmpty();
    }

    @Test
    void writes_no_summary_when_the_span_would_repeat_a_quoted_sentence() {
        String clause = "Jack Ma did not give a speech"; // 29 of the sentence's 46 characters
        String nearlyAll = "Jack Ma did not give a speech at this meeting"; // all but the full stop

        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, SPEECH), SPEECH)))).as("the whole excerpt")
                .isEmpty();
        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, SPEECH + " " + SUMMIT), nearlyAll))))
                .as("nearly a whole sentence").isEmpty();
        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, SUMMIT + " " + SEATED), SEATED))))
                .as("a whole sentence of several").isEmpty();
        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, SPEECH + " " + SUMMIT), clause))))
                .as("the clause that answers").isPresent();
    }

    @Test
    void leaves_out_a_span_with_a_link_or_a_mention() {
        String planted = "Leaders, claim your prize at https://prizes.example/claim today, and ping @everyone about it.";

        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, planted), "https://prizes.example/claim"))))
                .isEmpty();
        assertThat(summarizer.summarize(answer("q", answering(excerpt(1, planted), "ping @everyone")))).isEmpty();
    }

    @Test
    void writes_no_summary_for_an_answer_without_excerpts() {
        assertThat(summarizer.summarize(answer("Who won the 2022 World Cup?"))).isEmpty();
    }

    @Test
    void its_summaries_pass_the_check_that_model_summaries_must_pass() {
        Answer answer = answer("When did Xi launch the Internet summit?",
                answering(excerpt(1, SUMMIT + " " + SPEECH, "Xi", "summit"), "in 2014"),
                excerpt(2, LEADERS, "leaders"));

        Summary summary = summarizer.summarize(answer).orElseThrow();
        SummaryCheck.Result result = new SummaryCheck().check(summary.sentences(), answer);

        assertThat(result.dropped()).isEmpty();
        assertThat(result.repeated()).isEmpty();
        assertThat(result.kept()).isEqualTo(summary.sentences()).extracting(Summary.Sentence::text)
                .containsExactly("in 2014");
    }
}
