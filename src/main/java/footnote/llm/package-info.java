/**
 * The language model's adapter: LangChain4j's OpenAI-compatible and Ollama chat clients behind {@code SummaryModel}
 * and {@code RewriteModel}. The only package that knows LangChain4j's chat API.
 */
package footnote.llm;
