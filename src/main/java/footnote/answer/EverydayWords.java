package footnote.answer;

import footnote.search.Lexicon;
import java.util.List;

/**
 * Whether a word of a question is everyday English, so that no source using it says nothing about whether they
 * can answer: a word of the {@link Lexicon}; a contraction of one ("it'd"); an inflection of one the lexicon lacks
 * ("regulating", "fined"); a compound of two ("backfiring"); or no word at all (a number, which the question's
 * numbers constraint weighs). A name ends up in none of these: "Yiming" is no inflection of "yim".
 */
final class EverydayWords {

    /** Endings of English inflections and derivations, longest first, with what the stem may have lost. */
    private static final List<String> ENDINGS = List.of("izing", "ising", "ments", "ness", "ment", "tion", "sion",
            "able", "ible", "ings", "ing", "ies", "ied", "ers", "est", "ful", "less", "ed", "es", "er", "ly", "s");
    /** Both halves of a compound have at least this many letters: "sour" + "dough" is a compound, "nad" + "ella" a name. */
    private static final int COMPOUND_PART = 4;

    private final Lexicon lexicon;

    EverydayWords(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    boolean everyday(String word) {
        String w = word.replace('’', '\'');
        if (!w.chars().allMatch(c -> Character.isLetter(c) || c == '\'')) {
            return true;
        }
        String plain = Speller.plain(w);
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0) {
            plain = Speller.plain(w.substring(0, apostrophe));
        }
        return lexicon.knows(plain) || inflected(plain) || compound(plain);
    }

    private boolean inflected(String word) {
        for (String ending : ENDINGS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                if (lexicon.knows(stem) || lexicon.knows(stem + "e") || lexicon.knows(stem + "y")
                        || (stem.length() > 3 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
                                && lexicon.knows(stem.substring(0, stem.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean compound(String word) {
        for (int split = COMPOUND_PART; split <= word.length() - COMPOUND_PART; split++) {
            String head = word.substring(0, split);
            String tail = word.substring(split);
            if (lexicon.knows(head) && (lexicon.knows(tail) || inflected(tail))) {
                return true;
            }
        }
        return false;
    }
}
