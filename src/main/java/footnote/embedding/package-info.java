/** The in-process embedding models, through LangChain4j: the only place that knows LangChain4j embeds text. */
package footnote.embedding;
