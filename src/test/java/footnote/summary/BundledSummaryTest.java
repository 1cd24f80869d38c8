package footnote.summary;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.eval.EvalQuestion;
import footnote.eval.QuestionFiles;
import footnote.testing.BundledAnswerer;
import footnote.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractive summary over the articles the bot ships with, asked the development questions: it quotes only
 * what its excerpts say, passes the checks a model's summary must pass, and mostly carries the answer itself.
 */
class BundledSummaryTest {

    private static final List<Case> cases = new ArrayList<>();

    private record Case(EvalQuestion question, Answer answer, Optional<Summary> summary) {}

    @BeforeAll
    static void answerTheDevQuestions() throws Exception {
        try (BundledAnswerer answerer = new BundledAnswerer()) {
            Summarizer summarizer = Summarizer.extractive(3);
            for (EvalQuestion q : new QuestionFiles().read(Fixtures.resourcePath("eval/dev-questions.jsonl"))) {
                Answer answer = answerer.answer(q.question());
                cases.add(new Case(q, answer, summarizer.summarize(answer).join()));
            }
        }
    }

    @AfterAll
    static void forget() {
        cases.clear();
    }

    @Test
    void every_sentence_is_quoted_verbatim_from_the_excerpt_it_cites_and_passes_the_checks() {
        SummaryCheck check = new SummaryCheck();
        List<Case> summarised = cases.stream().filter(c -> c.summary().isPresent()).toList();

        assertThat(summarised).hasSizeGreaterThanOrEqualTo(25);
        for (Case c : summarised) {
            Summary summary = c.summary().get();
            assertThat(summary.sentences()).hasSizeBetween(1, 3);
            for (Summary.Sentence sentence : summary.sentences()) {
                Excerpt cited = c.answer().excerpts().get(sentence.cites().get(0) - 1);
                assertThat(cited.text()).as(c.question().question()).contains(sentence.text());
            }
            assertThat(check.check(summary.sentences(), c.answer()).dropped()).as(c.question().question()).isEmpty();
        }
    }

    @Test
    void a_question_the_articles_do_not_answer_gets_no_summary() {
        assertThat(cases.stream().filter(c -> !c.question().answerable())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.summary()).as(c.question().question()).isEmpty());
    }

    @Test
    void the_summary_itself_carries_the_answer_to_most_questions() {
        List<Case> answerable = cases.stream().filter(c -> c.question().answerable()).toList();
        long carried = answerable.stream().filter(c -> c.summary().map(s -> containsAnswer(s.text(),
                c.question())).orElse(false)).count();
        long inExcerpts = answerable.stream().filter(c -> c.answer().excerpts().stream()
                .anyMatch(e -> containsAnswer(e.text(), c.question()))).count();

        System.out.printf("Extractive summary carries the answer to %d of %d answerable dev questions"
                + " (the excerpts to %d)%n", carried, answerable.size(), inExcerpts);
        assertThat((double) carried / answerable.size()).isGreaterThanOrEqualTo(0.8);
    }

    private static boolean containsAnswer(String text, EvalQuestion question) {
        String lower = text.toLowerCase(Locale.ROOT);
        return question.answers().stream().anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)));
    }
}
