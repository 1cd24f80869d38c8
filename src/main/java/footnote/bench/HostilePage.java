package footnote.bench;

import java.util.List;

/**
 * A page built to be hostile to a passage index, with questions that match it.
 *
 * @param text      the page, on one line
 * @param questions sentences of the page as they appear in it
 */
public record HostilePage(Shape shape, String text, List<String> questions) {

    /** How the page is hostile. */
    public enum Shape {
        /** Words without one full stop: one "sentence" of megabytes, as minified text or a flattened table. */
        UNPUNCTUATED,
        /** Short sentences, all on one line: no paragraph breaks at all. */
        ONE_LINE
    }

    public HostilePage {
        questions = List.copyOf(questions);
    }
}
