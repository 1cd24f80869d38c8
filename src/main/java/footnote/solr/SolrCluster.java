package footnote.solr;

import footnote.search.IndexUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * One client for the whole cluster, seeded with node URLs, shared by every collection's store. Every request goes
 * through here, so a failure always becomes one operator-readable {@link IndexUnavailableException} naming what
 * was being done; a version conflict becomes {@link VersionConflict}. Thread-safe.
 */
public final class SolrCluster implements Closeable {

    /** Solr's answer to a write whose {@code _version_} no longer matches. */
    static final int CONFLICT = 409;

    private final CloudHttp2SolrClient client;
    private final List<String> urls;

    public SolrCluster(List<String> urls, Duration timeout) {
        this.urls = List.copyOf(urls);
        Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                .withConnectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .withIdleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .withRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.client = new CloudHttp2SolrClient.Builder(this.urls).withInternalClientBuilder(http).build();
    }

    CloudHttp2SolrClient client() {
        return client;
    }

    /** By POST: a query vector is thousands of characters, too long for a URL. */
    QueryResponse query(String collection, SolrQuery query, String what) {
        return call(what, collection, () -> client.query(collection, query, SolrRequest.METHOD.POST));
    }

    /**
     * Every document the query matches, read with a cursor: deep offsets would cost each shard every page before.
     * The query must sort on the unique key.
     */
    List<SolrDocument> queryAll(String collection, SolrQuery query, String what) {
        List<SolrDocument> documents = new ArrayList<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = query(collection, query, what);
            documents.addAll(response.getResults());
            if (cursor.equals(response.getNextCursorMark())) {
                return documents;
            }
            cursor = response.getNextCursorMark();
        }
    }

    void add(String collection, SolrInputDocument document, String what) {
        call(what, collection, () -> client.add(collection, document));
    }

    /** Adds the documents in one request. */
    void add(String collection, Collection<SolrInputDocument> documents, String what) {
        call(what, collection, () -> client.add(collection, documents));
    }

    /**
     * Adds a document only if the stored one still has {@code version} (-1: only if there is none), and returns
     * the new version.
     *
     * @throws VersionConflict when another process changed the document first
     */
    long addIfVersion(String collection, SolrInputDocument document, long version, String what) {
        document.setField("_version_", version);
        UpdateRequest request = new UpdateRequest();
        request.add(document);
        request.setParam("versions", "true");
        try {
            var response = request.process(client, collection).getResponse();
            Object adds = response.get("adds");
            if (adds instanceof org.apache.solr.common.util.NamedList<?> list && list.size() > 0) {
                return ((Number) list.getVal(0)).longValue();
            }
            throw new IndexUnavailableException("Solr did not return the new version when " + what);
        } catch (SolrException e) {
            if (e.code() == CONFLICT) {
                throw new VersionConflict(what);
            }
            throw unavailable(what, collection, e);
        } catch (SolrServerException | IOException e) {
            throw unavailable(what, collection, e);
        }
    }

    /** The latest document with this id, written or not yet searchable (real-time get), with its version. */
    Optional<SolrDocument> get(String collection, String id, String what) {
        return Optional.ofNullable(call(what, collection, () -> client.getById(collection, id)));
    }

    void deleteById(String collection, String id, String what) {
        call(what, collection, () -> client.deleteById(collection, id));
    }

    void deleteByQuery(String collection, String query, String what) {
        call(what, collection, () -> client.deleteByQuery(collection, query));
    }

    /** Waits until the writes so far are searchable in every process. */
    void softCommit(String collection) {
        call("committing", collection, () -> client.commit(collection, true, true, true));
    }

    private <T> T call(String what, String collection, Request<T> request) {
        try {
            return request.send();
        } catch (SolrServerException | IOException | SolrException e) {
            throw unavailable(what, collection, e);
        }
    }

    private IndexUnavailableException unavailable(String what, String collection, Exception e) {
        return new IndexUnavailableException("SolrCloud at " + urls + " failed " + what + " in collection "
                + collection + ": " + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface Request<T> {
        T send() throws SolrServerException, IOException;
    }

    /** Another process wrote the document since it was read; read it again and retry. */
    static final class VersionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionConflict(String what) {
            super("Another process changed the record first, " + what);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public String toString() {
        return "SolrCluster" + urls;
    }
}
