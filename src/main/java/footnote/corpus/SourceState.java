package footnote.corpus;

/** Where a source stands: renderers put it into words. */
public enum SourceState {
    /** Its articles answer questions. */
    READY,
    /** Being added: its articles are being fetched or indexed. */
    ADDING,
    /** Being removed: its passages no longer answer. */
    REMOVING
}
