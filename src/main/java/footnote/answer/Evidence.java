package footnote.answer;

/**
 * How strongly a passage supports an answer.
 *
 * @param cosine       cosine similarity of the passage's embedding to the question's
 * @param coverage     the share of the question's key terms, weighted by rarity, that the passage or its title has
 * @param unknownNames names in the question (capitalised words, not the first) that no source mentions at all
 */
public record Evidence(double cosine, double coverage, int unknownNames) {}
