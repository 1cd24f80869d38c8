package footnote.solr;

import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.insights.InsightStoreException;
import footnote.search.IndexUnavailableException;
import footnote.store.InsightJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Insight records in their own collection ({@code index.solr.insights}, made by {@code footnote solr create}),
 * shared by every process: a vote pressed on an answer one process gave is recorded by whichever process receives
 * the press, and the report of any process counts every process's questions. One document per record, its id the
 * record's key ({@link InsightJson#key}), the record's JSON in {@code body}, the server and the time asked indexed
 * beside it.
 *
 * <p>Durable when {@code put} returns: Solr acknowledges an update once it is in the transaction log of the
 * shard's leader and every live replica, which replays it after a crash; the soft commit after each write makes it
 * visible to every process's next listing, and a single record is read by real-time get, which sees it even before.
 * Every failure is an {@link InsightStoreException}: a record lost, never an answer. The cluster is shared with the
 * other stores and closed by its owner, not here. Thread-safe.
 */
public final class SolrInsightStore implements InsightStore {

    private static final Logger log = LoggerFactory.getLogger(SolrInsightStore.class);

    static final String ID = "id";
    static final String SERVER = "server";
    static final String ASKED = "asked";
    static final String BODY = "body";
    /** Records a page of a listing: at about 1 KB each, 500 make a response of half a megabyte. */
    private static final int PAGE = 500;

    private final SolrCluster cluster;
    private final String collection;
    private final InsightJson json = new InsightJson();

    public SolrInsightStore(SolrCluster cluster, String collection) {
        this.cluster = cluster;
        this.collection = collection;
    }

    @Override
    public void put(InsightRecord record) {
        putAll(List.of(record));
    }

    /** One request and one soft commit for all: the commit is what a record costs. */
    @Override
    public void putAll(List<InsightRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<SolrInputDocument> docs = records.stream().map(this::document).toList();
        String what = InsightJson.saving(records);
        call(what, () -> {
            cluster.add(collection, docs, what);
            cluster.softCommit(collection);
            return null;
        });
    }

    private SolrInputDocument document(InsightRecord record) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(ID, InsightJson.key(record.server(), record.id()));
        doc.setField(SERVER, record.server());
        doc.setField(ASKED, InsightJson.time(record.asked()));
        doc.setField(BODY, new String(json.write(record), StandardCharsets.UTF_8));
        return doc;
    }

    @Override
    public Optional<InsightRecord> get(String server, String id) {
        String what = "reading insight record " + id;
        return call(what, () -> cluster.get(collection, InsightJson.key(server, id), what))
                .flatMap(this::record).filter(r -> r.server().equals(server) && r.id().equals(id));
    }

    @Override
    public List<InsightRecord> since(String server, Instant from) {
        String what = "listing the insight records of server " + server;
        SolrQuery query = new SolrQuery("*:*")
                .addFilterQuery(SolrPassageIndex.term(SERVER, server))
                .addFilterQuery(ASKED + ":[" + InsightJson.time(from) + " TO *]")
                .setFields(BODY).setRows(PAGE)
                // Oldest first; the unique key breaks ties, as the cursor requires.
                .setSort(ASKED, SolrQuery.ORDER.asc).addSort(ID, SolrQuery.ORDER.asc);
        List<InsightRecord> records = new ArrayList<>();
        for (SolrDocument d : call(what, () -> cluster.queryAll(collection, query, what))) {
            record(d).ifPresent(records::add);
        }
        return records;
    }

    @Override
    public List<String> servers() {
        String what = "listing the servers with insight records";
        SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).addFacetField(SERVER)
                .setFacetLimit(-1).setFacetMinCount(1).setFacetSort("index");
        FacetField servers = call(what, () -> cluster.query(collection, query, what)).getFacetField(SERVER);
        return servers == null || servers.getValues() == null ? List.of()
                : servers.getValues().stream().map(FacetField.Count::getName).toList();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return delete("purging insight records asked before " + cutoff,
                ASKED + ":[* TO " + InsightJson.time(cutoff) + "}");
    }

    @Override
    public int deleteServer(String server) {
        return delete("forgetting the insight records of server " + server, SolrPassageIndex.term(SERVER, server));
    }

    /**
     * Counted just before deleting: another process may add a record meanwhile, but only one asked now, which
     * neither a purge of old records nor forgetting a server (its moderators asked for it) should count.
     */
    private int delete(String what, String query) {
        return call(what, () -> {
            long count = cluster.query(collection, new SolrQuery(query).setRows(0), what).getResults().getNumFound();
            if (count > 0) {
                cluster.deleteByQuery(collection, query, what);
                cluster.softCommit(collection);
            }
            return Math.toIntExact(count);
        });
    }

    /** The record a document holds; damage stays with it, so the other records still make the report. */
    private Optional<InsightRecord> record(SolrDocument doc) {
        Object body = doc.getFirstValue(BODY);
        try {
            if (!(body instanceof String text)) {
                throw new IOException("a document without its record");
            }
            return Optional.of(json.read(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            log.warn("Skipping an unreadable insight record in collection {}: {}", collection, e.getMessage());
            return Optional.empty();
        }
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (IndexUnavailableException e) {
            throw new InsightStoreException(e.getMessage() + ". Insight records are not kept until this is put"
                    + " right (is the collection there? `footnote solr create` makes it); answers are not affected.",
                    e);
        }
    }

    /** The cluster is the other stores' too: its owner closes it. */
    @Override
    public void close() {}
}
