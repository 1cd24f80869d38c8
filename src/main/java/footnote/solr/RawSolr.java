package footnote.solr;

import footnote.bench.Floor;
import footnote.search.Embedder;
import footnote.search.IndexSchema;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * The floor on SolrCloud: Solr's own BM25 over the passage text (its query analysis, no scope, no title) and its
 * KNN over the vectors, returning ids only, through the same client and cluster the backend uses.
 */
public final class RawSolr implements Floor {

    private final SolrCluster cluster;
    private final String collection;
    private final Embedder embedder;
    private final int k;

    public RawSolr(SolrCluster cluster, String collection, Embedder embedder, int k) {
        this.cluster = cluster;
        this.collection = collection;
        this.embedder = embedder;
        this.k = k;
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    @Override
    public int bm25(String question) {
        SolrQuery bm25 = new SolrQuery(question).setParam("defType", "edismax")
                .setParam("qf", IndexSchema.TEXT).setRows(k).setFields(IndexSchema.ID);
        return cluster.query(collection, bm25, "the floor's BM25 search").getResults().size();
    }

    @Override
    public int knn(float[] vector) {
        SolrQuery knn = new SolrQuery("{!knn f=" + IndexSchema.VECTOR + " topK=" + k + "}"
                + SolrPassageIndex.vectorText(vector)).setRows(k).setFields(IndexSchema.ID);
        return cluster.query(collection, knn, "the floor's vector search").getResults().size();
    }

    @Override
    public void close() {}
}
