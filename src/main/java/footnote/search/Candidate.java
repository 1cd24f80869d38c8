package footnote.search;

import footnote.corpus.Passage;

/**
 * A retrieved passage with its fused score and the raw evidence behind it.
 *
 * @param bm25   its BM25 score, NaN when the lexical search did not return it
 * @param cosine the cosine similarity of its vector to the question's, NaN when the dense search did not return it
 */
public record Candidate(Passage passage, double score, double bm25, double cosine) {}
