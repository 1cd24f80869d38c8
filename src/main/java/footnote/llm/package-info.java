/** The summary model's adapter: LangChain4j's OpenAI-compatible and Ollama chat clients behind {@code SummaryModel}. */
package footnote.llm;
