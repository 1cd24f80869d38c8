package footnote.search;

import java.util.Set;

/**
 * The words of everyday English, as far as one list knows them: a word it holds is no misspelling, even when no
 * source uses it ("held", "wait"), so spelling correction leaves it alone and a decline does not call it unknown.
 */
@FunctionalInterface
public interface Lexicon {

    /** Whether {@code word} (lower case) is a word of everyday English. */
    boolean knows(String word);

    static Lexicon of(Set<String> words) {
        Set<String> copy = Set.copyOf(words);
        return copy::contains;
    }
}
