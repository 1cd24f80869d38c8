package footnote.answer;

import footnote.corpus.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out an acronym the sources never use by the name they do use: "WIC" is the "World Internet Conference"
 * when a retrieved passage names one, "WSJ" "The Wall Street Journal". A name matches when the initials of its
 * capitalised words, in order, are the acronym's letters; small joining words ("of", "the", "and") may stand
 * between them.
 */
final class Acronyms {

    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}\\-]*(?:\\s+(?:(?:of|the|and|for|on|de|du|la)\\s+)?\\p{Lu}[\\p{L}\\-]*)+");
    private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}\\-]*");

    private Acronyms() {}

    /** Whether {@code word} can be an acronym: two to six letters. */
    static boolean shaped(String word) {
        return word.length() >= 2 && word.length() <= 6 && word.chars().allMatch(Character::isLetter);
    }

    /** The name in the passages that the acronym stands for, if one does. */
    static Optional<String> expand(String acronym, List<Passage> passages) {
        String letters = acronym.toUpperCase(Locale.ROOT);
        for (Passage passage : passages) {
            List<String> texts = new ArrayList<>(passage.sentences());
            texts.add(passage.metadata().title());
            for (String text : texts) {
                Matcher m = NAME.matcher(text);
                while (m.find()) {
                    Optional<String> found = within(m.group(), letters);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The run of the name's capitalised words whose initials spell the letters, joining words kept. */
    private static Optional<String> within(String name, String letters) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(name);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        for (int from = 0; from + letters.length() <= words.size(); from++) {
            boolean match = true;
            for (int i = 0; i < letters.length() && match; i++) {
                match = name.charAt(words.get(from + i)[0]) == letters.charAt(i);
            }
            if (match) {
                return Optional.of(name.substring(words.get(from)[0], words.get(from + letters.length() - 1)[1]));
            }
        }
        return Optional.empty();
    }
}
