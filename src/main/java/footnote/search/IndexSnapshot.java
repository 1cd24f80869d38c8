package footnote.search;

import footnote.corpus.Passage;
import footnote.corpus.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A point-in-time view of the index: the lexical and dense searches of one question, and the passages they
 * return, all see the same documents even while indexing goes on. Close it to release the view.
 */
public interface IndexSnapshot extends AutoCloseable {

    /** BM25 over passage text and title for the given analysed key terms, best first. */
    List<Hit> lexical(List<String> keyTerms, Set<Scope> scopes, int k);

    /** Nearest passages to a unit-length query vector, best first, scored by cosine similarity. */
    List<Hit> nearest(float[] vector, Set<Scope> scopes, int k);

    Passage passage(Hit hit);

    /** How many passages contain the analysed term, for inverse document frequency. */
    long documentFrequency(String term);

    int passageCount();

    /**
     * The word the sources use that {@code word} (lower case, as written) most likely misspells: empty when the
     * sources use {@code word} itself, or nothing close enough. At most one edit for words up to six letters, two
     * for longer ones, and the first letter kept.
     */
    default Optional<String> correction(String word) {
        return Optional.empty();
    }

    @Override
    void close();
}
