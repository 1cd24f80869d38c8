package footnote.ingest;

/** Hears how indexing advances, e.g. to draw a progress bar. Called from the indexing thread. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {};

    default void started(int sources) {}

    default void advanced(String sourceId) {}

    default void finished() {}
}
