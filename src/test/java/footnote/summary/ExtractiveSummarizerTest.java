package footnote.summary;

import static footnote.testing.Excerpts.LEADERS;
import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.SPEECH;
import static footnote.testing.Excerpts.SUMMIT;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.excerpt;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(3);

    @Test
    void quotes_from_each_excerpt_the_sentence_with_most_of_the_questions_terms_and_cites_it() {
        Answer answer = answer("Who sat with Jack Ma?",
                excerpt(1, SPEECH + " " + SEATED, "Jack", "Ma", "sat", "Seated"),
                excerpt(2, LEADERS + " " + SUMMIT, "leaders"));

        Summary summary = summarizer.summarize(answer).orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.sentences()).extracting(Summary.Sentence::text).containsExactly(SEATED, LEADERS);
        assertThat(summary.sentences()).extracting(Summary.Sentence::cites).containsExactly(List.of(1), List.of(2));
        assertThat(summary.text()).isEqualTo(SEATED + " [1] " + LEADERS + " [2]");
    }

    @Test
    void takes_at_most_the_configured_number_of_sentences_and_never_the_same_one_twice() {
        Answer answer = answer("Who was there?", excerpt(1, LEADERS, "leaders"), excerpt(2, LEADERS, "leaders"),
                excerpt(3, SPEECH, "meeting"), excerpt(4, SUMMIT, "summit"));

        Summary summary = new ExtractiveSummarizer(2).summarize(answer).orElseThrow();

        assertThat(summary.sentences()).extracting(Summary.Sentence::text).containsExactly(LEADERS, SPEECH);
        assertThat(summary.sentences().get(1).cites()).containsExactly(3);
    }

    @Test
    void leaves_out_sentences_without_the_questions_terms_and_sentences_with_links_or_mentions() {
        String planted = "Leaders, claim your prize at https://prizes.example/claim.";
        Answer answer = answer("Who sat with Jack Ma?", excerpt(1, SEATED, "Jack", "Ma"),
                excerpt(2, SUMMIT), excerpt(3, planted + " Ping @everyone about the leaders.", "Leaders", "leaders"));

        Summary summary = summarizer.summarize(answer).orElseThrow();

        assertThat(summary.sentences()).extracting(Summary.Sentence::text).containsExactly(SEATED);
    }

    @Test
    void writes_no_summary_for_an_answer_without_excerpts() {
        assertThat(summarizer.summarize(answer("Who won the 2022 World Cup?"))).isEmpty();
    }

    @Test
    void its_summaries_pass_the_check_that_model_summaries_must_pass() {
        Answer answer = answer("Who sat with Jack Ma?", excerpt(1, SPEECH + " " + SEATED, "Jack", "Ma"),
                excerpt(2, LEADERS, "leaders"), excerpt(3, SUMMIT, "summit"));

        Summary summary = summarizer.summarize(answer).orElseThrow();
        SummaryCheck.Result result = new SummaryCheck().check(summary.sentences(), answer);

        assertThat(result.dropped()).isEmpty();
        assertThat(result.kept()).isEqualTo(summary.sentences());
    }
}
