package footnote.solr;

import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * The state collection: small records of a few types, each a {@code body} under an id {@code type/key}. Single
 * records are read by real-time get, so a process sees another's write at once; listings are searches, and each
 * write is soft-committed so the next listing anywhere includes it. Thread-safe.
 */
final class SolrState {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String SOURCE = "source";
    static final String ARTICLE = "article";
    static final String BODY = "body";
    static final String VERSION = "_version_";

    private final SolrCluster cluster;
    private final String collection;

    SolrState(SolrCluster cluster, String collection) {
        this.cluster = cluster;
        this.collection = collection;
    }

    static SolrInputDocument record(String type, String key, String body) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(ID, type + "/" + key);
        doc.setField(TYPE, type);
        doc.setField(BODY, body);
        return doc;
    }

    void put(SolrInputDocument record, String what) {
        cluster.add(collection, record, what);
        cluster.softCommit(collection);
    }

    /** @throws SolrCluster.VersionConflict when the stored record no longer has {@code version} */
    long putIfVersion(SolrInputDocument record, long version, String what) {
        long written = cluster.addIfVersion(collection, record, version, what);
        cluster.softCommit(collection);
        return written;
    }

    Optional<SolrDocument> get(String type, String key, String what) {
        return cluster.get(collection, type + "/" + key, what);
    }

    Optional<String> body(String type, String key, String what) {
        return get(type, key, what).map(d -> (String) d.getFirstValue(BODY));
    }

    void delete(String type, String key, String what) {
        cluster.deleteById(collection, type + "/" + key, what);
        cluster.softCommit(collection);
    }

    void deleteWhere(String field, String value, String type, String what) {
        cluster.deleteByQuery(collection, "+" + SolrPassageIndex.term(TYPE, type) + " +"
                + SolrPassageIndex.term(field, value), what);
        cluster.softCommit(collection);
    }

    /** Every record of a type, in id order, with the given fields. */
    List<SolrDocument> list(String type, String fields, String what) {
        return list(query(type, fields), what);
    }

    /** Every record of a type with {@code field} = {@code value}, in id order. */
    List<SolrDocument> listWhere(String type, String field, String value, String fields, String what) {
        return list(query(type, fields).addFilterQuery(SolrPassageIndex.term(field, value)), what);
    }

    private static SolrQuery query(String type, String fields) {
        return new SolrQuery(SolrPassageIndex.term(TYPE, type)).setFields(fields).setRows(500)
                .setSort(ID, SolrQuery.ORDER.asc);
    }

    private List<SolrDocument> list(SolrQuery query, String what) {
        return cluster.queryAll(collection, query, what);
    }
}
