package footnote.search;

/**
 * One search result: a handle valid only within the {@link IndexSnapshot} that returned it, and its score (BM25
 * for lexical hits, cosine similarity for dense hits).
 */
public record Hit(int handle, float score) {}
