package footnote.deployment;

/**
 * Whether this process is the one of its deployment that runs the once-only work: registering slash commands,
 * polling feeds, finishing what a crashed process left half done. One process alone always leads; processes that
 * share a SolrCloud backend hold a lease in turn, and another takes over when the holder stops renewing it.
 */
public interface Leadership extends AutoCloseable {

    /** True while this process leads; asked again before each run of once-only work. */
    boolean leads();

    /** Runs {@code action} each time this process starts leading, e.g. on a former leader's death. */
    void onLeading(Runnable action);

    @Override
    void close();

    /** A process with no peers: it always leads. */
    static Leadership alone() {
        return new Leadership() {
            @Override
            public boolean leads() {
                return true;
            }

            @Override
            public void onLeading(Runnable action) {
                action.run();
            }

            @Override
            public void close() {}
        };
    }
}
