package footnote.search;

import footnote.corpus.Passage;
import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * Where passages are stored and searched. The embedded Lucene index implements it; a distributed backend can too,
 * so nothing above this interface knows which one runs. Writes become visible to new snapshots on {@link #commit}.
 */
public interface PassageIndex extends Closeable {

    /** Every article in the index, by article id: for a full indexing pass, which compares them all. */
    Map<String, IndexedArticle> articles();

    /** The articles of one source, by article id: what work on one source reads, whatever the index's size. */
    Map<String, IndexedArticle> articles(String sourceId);

    /**
     * Adds an article's passages, replacing whatever the index held for that article, in one atomic step: a reader
     * sees the old passages or the new ones, never a mix.
     *
     * @param vectors one unit-length embedding per passage, in the same order
     */
    void putArticle(IndexedArticle article, List<Passage> passages, List<float[]> vectors);

    void removeArticle(String articleId);

    /** Makes every write so far durable and visible to the next snapshot. */
    void commit();

    /**
     * Ends a rebuild opened to replace the index: what was written replaces the old passages in one step. Until
     * then other readers see the old ones. Nothing to do for an index that was not opened to be rebuilt.
     */
    default void completeRebuild() {}

    IndexSnapshot snapshot();

    /** False when this process only reads an index that another process writes. */
    boolean writable();
}
