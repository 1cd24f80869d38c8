package footnote.chat;

/** Cutting text to a length without splitting a word, marked with an ellipsis; the Discord renderer cuts too. */
public final class Shortening {

    public static final String ELLIPSIS = "…";

    private Shortening() {}

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, wordBoundary(text, max - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }

    /**
     * Where to cut {@code text} at or before {@code limit} without splitting a word; mid-word only for one word
     * longer than the whole limit.
     */
    public static int wordBoundary(String text, int limit) {
        int end = limit;
        while (end > 0 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return end > 0 ? end : limit;
    }
}
