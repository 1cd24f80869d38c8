package footnote.solr;

import footnote.ingest.CopyStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.TreeSet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Fetched copies in the state collection, one document per article, so that any process can rebuild the index
 * from them without the network. Thread-safe.
 */
public final class SolrCopyStore implements CopyStore {

    private static final String TYPE = "copy";

    private final SolrState state;

    public SolrCopyStore(SolrCluster cluster, String collection) {
        this.state = new SolrState(cluster, collection);
    }

    @Override
    public void write(String sourceId, String articleId, String articleText) {
        SolrInputDocument copy = SolrState.record(TYPE, key(sourceId, articleId), articleText);
        copy.setField(SolrState.SOURCE, sourceId);
        copy.setField(SolrState.ARTICLE, articleId);
        state.put(copy, "saving the copy of " + articleId);
    }

    @Override
    public List<String> articleIds(String sourceId) {
        return state.listWhere(TYPE, SolrState.SOURCE, sourceId, SolrState.ARTICLE, "listing the copies of " + sourceId)
                .stream().map(d -> (String) d.getFirstValue(SolrState.ARTICLE)).sorted().toList();
    }

    /** @throws NoSuchFileException when there is no such copy, as the file store does */
    @Override
    public String read(String sourceId, String articleId) throws IOException {
        return state.body(TYPE, key(sourceId, articleId), "reading the copy of " + articleId)
                .orElseThrow(() -> new NoSuchFileException("copy " + key(sourceId, articleId)));
    }

    @Override
    public void deleteAll(String sourceId) {
        state.deleteWhere(SolrState.SOURCE, sourceId, TYPE, "deleting the copies of " + sourceId);
    }

    @Override
    public List<String> sourceIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (SolrDocument d : state.list(TYPE, SolrState.ID + "," + SolrState.SOURCE, "listing the copies")) {
            ids.add((String) d.getFirstValue(SolrState.SOURCE));
        }
        return List.copyOf(ids);
    }

    private static String key(String sourceId, String articleId) {
        return sourceId + "/" + articleId;
    }
}
