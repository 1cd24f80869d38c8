package footnote.answer;

/** A run of an excerpt's text, {@code [start, end)}, that matches the question's key terms: shown in bold. */
public record Highlight(int start, int end) {

    public Highlight {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad highlight [" + start + ", " + end + ")");
        }
    }
}
