package footnote.testing;

import footnote.answer.Answer;
import footnote.eval.EvalQuestion;
import footnote.eval.QuestionFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The development questions answered by the real answerer over the articles the bot ships with, with the shipped
 * settings ({@link BundledAnswerer}): what members would see, for tests that measure replies rather than hand-built
 * answers.
 */
public final class BundledAnswers {

    /** One development question and the answer it got. */
    public record Asked(EvalQuestion question, Answer answer) {}

    private BundledAnswers() {}

    public static List<Asked> devQuestions() throws Exception {
        List<Asked> asked = new ArrayList<>();
        try (BundledAnswerer answerer = new BundledAnswerer()) {
            for (EvalQuestion q : new QuestionFiles().read(Fixtures.resourcePath("eval/dev-questions.jsonl"))) {
                asked.add(new Asked(q, answerer.answer(q.question())));
            }
        }
        return asked;
    }
}
