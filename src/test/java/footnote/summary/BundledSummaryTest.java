package footnote.summary;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.eval.EvalQuestion;
import footnote.testing.BundledAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractive summary over the articles the bot ships with, asked the development questions with the real
 * answerer. That summary is now one line, the answer span of the first excerpt ({@link Excerpt#answer()}), and the
 * answerer does not mark spans yet: so on real answers it writes nothing today, and what this measures is what
 * stays true either way: a summary appears only as the first excerpt's span, passing the checks a model's summary
 * must pass and repeating no quoted sentence; and how often a one-line answer could carry the answer, with the
 * span marked where the expected answer stands in the first excerpt, standing in for the answerer.
 */
class BundledSummaryTest {

    private static final List<BundledAnswers.Asked> asked = new ArrayList<>();
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final SummaryCheck check = new SummaryCheck();

    @BeforeAll
    static void answerTheDevQuestions() throws Exception {
        asked.addAll(BundledAnswers.devQuestions());
    }

    @AfterAll
    static void forget() {
        asked.clear();
    }

    @Test
    void a_summary_is_only_ever_the_first_excerpts_answer_span_and_passes_the_checks() {
        long summarised = 0;
        for (BundledAnswers.Asked a : asked) {
            Optional<Summary> summary = summarizer.summarize(a.answer());
            if (a.answer().excerpts().isEmpty() || a.answer().excerpts().get(0).answer().isEmpty()) {
                assertThat(summary).as(a.question().question()).isEmpty();
                continue;
            }
            if (summary.isPresent()) {
                summarised++;
                Excerpt first = a.answer().excerpts().get(0);
                Highlight span = first.answer().orElseThrow();
                assertThat(summary.get().sentences()).singleElement().satisfies(s -> {
                    assertThat(s.text()).isEqualTo(first.text().substring(span.start(), span.end()).strip());
                    assertThat(s.cites()).containsExactly(first.number());
                });
                assertPassesTheChecks(summary.get(), a.answer(), a.question());
            }
        }
        System.out.printf("Extractive summary on %d of %d dev questions (the answerer marks %d answer spans)%n",
                summarised, asked.size(), asked.stream().filter(a -> a.answer().excerpts().stream()
                        .anyMatch(e -> e.answer().isPresent())).count());
    }

    @Test
    void a_question_the_articles_do_not_answer_gets_no_summary() {
        assertThat(asked.stream().filter(a -> !a.question().answerable())).isNotEmpty()
                .allSatisfy(a -> assertThat(summarizer.summarize(a.answer())).as(a.question().question()).isEmpty());
    }

    /**
     * The expected answer marked as the span wherever the first excerpt holds it: the line then quotes it, short,
     * checked and new. How often the first excerpt holds it bounds what a one-line answer can carry; the excerpts
     * as a whole hold it for nearly every answerable question.
     */
    @Test
    void with_the_answer_marked_in_the_first_excerpt_the_line_carries_it_in_a_few_words() {
        List<BundledAnswers.Asked> answerable = asked.stream().filter(a -> a.question().answerable()).toList();
        int carried = 0;
        int inExcerpts = 0;
        for (BundledAnswers.Asked a : answerable) {
            List<Excerpt> excerpts = a.answer().excerpts();
            inExcerpts += excerpts.stream().anyMatch(e -> at(e.text(), a.question()).isPresent()) ? 1 : 0;
            Optional<Highlight> span = excerpts.isEmpty() ? Optional.empty() : at(excerpts.get(0).text(), a.question());
            if (span.isEmpty()) {
                continue;
            }
            Answer marked = marked(a.answer(), span.get());
            Summary summary = summarizer.summarize(marked).orElseThrow(() -> new AssertionError(
                    "no answer line for " + a.question().question()));
            assertThat(summary.text()).as(a.question().question()).hasSizeLessThan(80);
            assertPassesTheChecks(summary, marked, a.question());
            carried++;
        }

        System.out.printf("A one-line answer carries the answer to %d of %d answerable dev questions"
                + " (the excerpts to %d)%n", carried, answerable.size(), inExcerpts);
        assertThat((double) carried / answerable.size()).isGreaterThanOrEqualTo(0.7);
    }

    private void assertPassesTheChecks(Summary summary, Answer answer, EvalQuestion question) {
        SummaryCheck.Result result = check.check(summary.sentences(), answer);
        assertThat(result.dropped()).as(question.question()).isEmpty();
        assertThat(result.repeated()).as(question.question()).isEmpty();
    }

    /** Where the first of the question's expected answers stands in {@code text}, ignoring case. */
    private static Optional<Highlight> at(String text, EvalQuestion question) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String expected : question.answers()) {
            int start = lower.indexOf(expected.toLowerCase(Locale.ROOT));
            if (start >= 0) {
                return Optional.of(new Highlight(start, start + expected.length()));
            }
        }
        return Optional.empty();
    }

    private static Answer marked(Answer answer, Highlight span) {
        List<Excerpt> excerpts = new ArrayList<>(answer.excerpts());
        Excerpt e = excerpts.get(0);
        excerpts.set(0, new Excerpt(e.number(), e.text(), e.highlights(), Optional.of(span), e.citation(), e.kind(),
                e.articleId(), e.sourceId(), e.firstSentence(), e.lastSentence(), e.evidence()));
        return new Answer(answer.question(), answer.readAs(), new Answer.Found(excerpts), answer.confidence(),
                answer.timings());
    }
}
