package footnote.insights;

/** What became of a member's vote or comment on an answer. */
public enum VoteResult {
    /** Stored: the member's first vote on this answer, or their comment. */
    RECORDED,
    /** Stored in place of the member's earlier, different vote. */
    CHANGED,
    /** The member had already voted so: nothing changed. */
    UNCHANGED,
    /** The answer's record is gone (past the retention, or forgotten): the buttons no longer work. */
    EXPIRED,
    /** Insights are off: nothing is recorded. */
    OFF,
    /** The store could not be reached: nothing was recorded this time. */
    UNAVAILABLE
}
