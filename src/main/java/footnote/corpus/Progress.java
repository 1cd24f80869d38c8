package footnote.corpus;

/** Hears how long work on sources advances, e.g. to edit a Discord reply or draw a progress bar. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (step, done, total) -> {};

    /**
     * @param step  what is being done (fetching the entries of a feed, indexing a page)
     * @param done  how many items are done
     * @param total how many items there are, 0 when not known
     */
    void report(SourceActivity step, int done, int total);
}
