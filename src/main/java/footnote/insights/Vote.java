package footnote.insights;

/** A member's verdict on one answer. */
public enum Vote {
    HELPFUL,
    NOT_HELPFUL
}
