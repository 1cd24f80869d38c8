package footnote.corpus;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences with ICU's Unicode sentence rules and its English abbreviation list, so
 * "Ltd. and", "Inc.’s" and closing quotes do not end a sentence early. Two more rules cover what ICU leaves out:
 * titles before a name ("St. Bartholomew", "Rev. Paul") and initials ("John M. Grunsfeld", "E. O. Wilson") do not
 * end a sentence either. Thread-safe: each split works on a clone of one prepared iterator, since a
 * {@link BreakIterator} keeps state and building one costs about 30 times what cloning it does.
 */
public final class SentenceSplitter {

    private static final List<String> TITLES = List.of("St.", "Mt.", "Ft.", "Rev.", "Fr.", "Sr.", "Dr.", "Mr.",
            "Mrs.", "Ms.", "Prof.", "Gen.", "Col.", "Lt.", "Capt.", "Sgt.", "Gov.", "Sen.", "Rep.", "Pres.", "Hon.",
            "No.", "Nos.", "Vol.", "Fig.", "Ch.", "pp.", "vs.", "approx.", "est.");
    /** A sentence that ends in a capital initial ("John M.") continues with the name that follows. */
    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile("(?:^|[\\s(.])\\p{Lu}\\.$");

    private final BreakIterator prototype;

    public SentenceSplitter() {
        FilteredBreakIteratorBuilder builder = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH);
        TITLES.forEach(builder::suppressBreakAfter);
        prototype = builder.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
    }

    public List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        BreakIterator breaker = (BreakIterator) prototype.clone();
        breaker.setText(paragraph);
        int start = breaker.first();
        for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
            String sentence = paragraph.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            int last = sentences.size() - 1;
            // A stray closing quote or a list number is not a sentence: it belongs to the one before.
            boolean fragment = sentence.codePoints().noneMatch(Character::isLetter);
            boolean continuesName = last >= 0 && ENDS_WITH_INITIAL.matcher(sentences.get(last)).find()
                    && Character.isUpperCase(sentence.codePointAt(0));
            if (last >= 0 && (fragment || continuesName)) {
                sentences.set(last, sentences.get(last) + " " + sentence);
            } else {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
