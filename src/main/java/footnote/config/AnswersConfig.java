package footnote.config;

import static java.util.Objects.requireNonNullElse;
import static java.util.Objects.requireNonNullElseGet;

import java.util.List;

/**
 * The YAML section {@code answers}.
 *
 * @param maxExcerpts  excerpts in one answer
 * @param excerptChars an excerpt's length budget
 * @param judge        who decides which passage answers and whether any does: {@code model}, the trained
 *                     answer model shipped with the bot, or {@code evidence}, the hand-set policy below
 * @param evidence     the hand-set policy: when a passage is strong enough to quote
 */
public record AnswersConfig(Integer maxExcerpts, Integer excerptChars, Judge judge, EvidenceConfig evidence) {

    /** Who decides which passage answers. */
    public enum Judge implements Choice { MODEL, EVIDENCE }

    public AnswersConfig {
        maxExcerpts = requireNonNullElse(maxExcerpts, 3);
        excerptChars = requireNonNullElse(excerptChars, 520);
        judge = requireNonNullElse(judge, Judge.MODEL);
        evidence = requireNonNullElseGet(evidence, EvidenceConfig::defaults);
    }

    public static AnswersConfig defaults() {
        return new AnswersConfig(null, null, null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(maxExcerpts >= 1 && maxExcerpts <= 10, "answers.maxExcerpts must be between 1 and 10")
                .check(excerptChars >= 100 && excerptChars <= 1000,
                        "answers.excerptChars must be between 100 and 1000")
                .add(evidence.problems())
                .list();
    }
}
