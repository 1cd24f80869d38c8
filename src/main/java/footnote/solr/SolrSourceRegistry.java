package footnote.solr;

import footnote.ingest.SourceRecord;
import footnote.ingest.SourceRegistry;
import footnote.search.IndexUnavailableException;
import footnote.store.Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;

/**
 * The source registry in the state collection, in the same JSON as the file registry: a source one process adds
 * is in every process's next listing. Thread-safe.
 */
public final class SolrSourceRegistry implements SourceRegistry {

    private static final String TYPE = "source";
    /** A source's record is written by its one job and by a removal: more conflicts than this means something is amiss. */
    private static final int MAX_CONFLICTS = 5;

    private final SolrState state;
    private final Records records = new Records();

    public SolrSourceRegistry(SolrCluster cluster, String collection) {
        this.state = new SolrState(cluster, collection);
    }

    @Override
    public List<SourceRecord> all() {
        List<SourceRecord> all = new ArrayList<>();
        for (SolrDocument d : state.list(TYPE, SolrState.ID + "," + SolrState.BODY, "listing the sources")) {
            all.add(read((String) d.getFirstValue(SolrState.ID), (String) d.getFirstValue(SolrState.BODY)));
        }
        return all;
    }

    @Override
    public Optional<SourceRecord> get(String id) {
        return state.body(TYPE, id, "reading source " + id).map(body -> read(id, body));
    }

    @Override
    public void put(SourceRecord record) {
        String body = new String(records.source(record), StandardCharsets.UTF_8);
        state.put(SolrState.record(TYPE, record.id(), body), "saving source " + record.id());
    }

    /**
     * Written only over the version read, so a removal in another process between the read and the write makes
     * the write fail (Solr's optimistic concurrency) and the record is read again.
     */
    @Override
    public boolean update(SourceRecord record) {
        String body = new String(records.source(record), StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Optional<SolrDocument> stored = state.get(TYPE, record.id(), "reading source " + record.id());
            if (stored.isEmpty() || read(record.id(), (String) stored.get().getFirstValue(SolrState.BODY)).state()
                    == SourceRecord.State.REMOVING) {
                return false;
            }
            long version = ((Number) stored.get().getFirstValue(SolrState.VERSION)).longValue();
            try {
                state.putIfVersion(SolrState.record(TYPE, record.id(), body), version, "saving source " + record.id());
                return true;
            } catch (SolrCluster.VersionConflict e) {
                // changed meanwhile: read it again
            }
        }
        throw new IndexUnavailableException("Source " + record.id() + " kept changing in SolrCloud while it was"
                + " being saved; try again.");
    }

    @Override
    public void delete(String id) {
        state.delete(TYPE, id, "deleting source " + id);
    }

    private SourceRecord read(String id, String body) {
        try {
            return records.source(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The source record " + id + " in SolrCloud is damaged: " + e.getMessage()
                    + "; delete that document to drop the source.", e);
        }
    }
}
