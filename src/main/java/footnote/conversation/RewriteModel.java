package footnote.conversation;

/**
 * A language model that rewrites a follow-up from a prompt: the port {@link ModelRewriter} calls, so this package
 * knows no model client. The adapter behind it (LangChain4j) is the only code that knows which service answers.
 */
@FunctionalInterface
public interface RewriteModel {

    /**
     * The model's reply, as text; may be blank.
     *
     * @throws RuntimeException when the model cannot be reached or answers with an error; its message is safe to
     *                          log (it holds no conversation text)
     */
    String reply(RewritePrompt prompt);
}
