package footnote.answer;

import footnote.search.HybridRetriever;
import footnote.search.Lexicon;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects misspelt question words against the words the sources use ("zhenfei" to "zhengfei", "confrence" to
 * "conference"), with Lucene's spelling over the index. Only a word that is neither in the sources nor everyday
 * English ({@link Lexicon}) is a candidate: "held" is no typo just because no article uses it, and a name no source
 * mentions must stay as typed so that a decline can say so.
 */
final class Speller {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final HybridRetriever retriever;
    private final Lexicon lexicon;

    Speller(HybridRetriever retriever, Lexicon lexicon) {
        this.retriever = retriever;
        this.lexicon = lexicon;
    }

    /** The text with each correctable word replaced by its correction, in lower case. */
    String correct(String text) {
        List<String> candidates = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = plain(m.group());
            if (!lexicon.knows(word)) {
                candidates.add(word);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        Map<String, String> corrections = retriever.corrections(candidates);
        if (corrections.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        m = WORD.matcher(text);
        while (m.find()) {
            String correction = corrections.get(plain(m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(correction == null ? m.group() : correction));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Lower case, accents and a possessive taken off, as the index's word field has it. */
    static String plain(String word) {
        String folded = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace('’', '\'');
        return folded.endsWith("'s") ? folded.substring(0, folded.length() - 2) : folded.replace("'", "");
    }
}
