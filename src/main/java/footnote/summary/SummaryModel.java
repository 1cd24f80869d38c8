package footnote.summary;

/**
 * A language model that writes a summary from a prompt. The adapter behind it (LangChain4j) is the only code that
 * knows which service answers; everything it returns is checked before anyone sees it.
 */
@FunctionalInterface
public interface SummaryModel {

    /**
     * The model's reply, as text; may be blank.
     *
     * @throws SummaryModelException when the model cannot be reached or answers with an error
     */
    String write(SummaryPrompt prompt);
}
