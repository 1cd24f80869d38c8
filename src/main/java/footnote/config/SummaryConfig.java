package footnote.config;

import static java.util.Objects.requireNonNullElse;
import static java.util.Objects.requireNonNullElseGet;

import java.util.List;

/**
 * The summary on top of an answer's excerpts: the YAML section {@code summary}.
 *
 * @param mode           {@code none}, {@code extractive} (sentences quoted from the excerpts: no model, no
 *                       network) or {@code llm} (a language model's, checked against the excerpts)
 * @param sentences      the most sentences in a summary
 * @param timeoutSeconds how long the model may take; then the extractive summary is used
 * @param llm            the model, for mode {@code llm}
 */
public record SummaryConfig(Mode mode, Integer sentences, Integer timeoutSeconds, LlmConfig llm) {

    /** Where an answer's summary comes from, if anywhere. */
    public enum Mode implements Choice { NONE, EXTRACTIVE, LLM }

    public SummaryConfig {
        mode = requireNonNullElse(mode, Mode.EXTRACTIVE);
        sentences = requireNonNullElse(sentences, 3);
        timeoutSeconds = requireNonNullElse(timeoutSeconds, 20);
        llm = requireNonNullElseGet(llm, LlmConfig::defaults);
    }

    public static SummaryConfig defaults() {
        return new SummaryConfig(null, null, null, null);
    }

    public SummaryConfig withMode(Mode replacement) {
        return new SummaryConfig(replacement, sentences, timeoutSeconds, llm);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(sentences >= 1 && sentences <= 5, "summary.sentences must be between 1 and 5")
                .check(timeoutSeconds >= 1 && timeoutSeconds <= 300,
                        "summary.timeoutSeconds must be between 1 and 300")
                .add(llm.problems())
                .list();
    }
}
