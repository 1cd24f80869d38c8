package footnote.solr;

import static footnote.search.IndexSchema.ARTICLE;
import static footnote.search.IndexSchema.ID;
import static footnote.search.IndexSchema.KIND;
import static footnote.search.IndexSchema.KIND_ARTICLE;
import static footnote.search.IndexSchema.KIND_PASSAGE;
import static footnote.search.IndexSchema.SCOPE;
import static footnote.search.IndexSchema.SOURCE;
import static footnote.search.IndexSchema.TEXT;
import static footnote.search.IndexSchema.TITLE;
import static footnote.search.IndexSchema.VECTOR;

import footnote.corpus.Passage;
import footnote.corpus.Scope;
import footnote.search.IndexSchema;
import footnote.search.IndexSnapshot;
import footnote.search.IndexUnavailableException;
import footnote.search.IndexedArticle;
import footnote.search.PassageFields;
import footnote.search.PassageIndex;
import footnote.search.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Passages in a SolrCloud collection whose schema mirrors {@link footnote.search.IndexSchema}: the same fields,
 * the same analysis, the same vectors, searched with the same queries, so that fusion above sees the same
 * rankings as from the embedded index. Every bot process writes and reads it; thread-safe.
 */
public final class SolrPassageIndex implements PassageIndex {

    /** The stored fields a passage is rebuilt from. */
    private static final String PASSAGE_FIELDS = String.join(",", PassageFields.PASSAGE_NAMES);
    /** The state record holding what the passages were built with, keyed by collection. */
    private static final String SIGNATURE = "signature";

    /** The scope filter's tag, so that term counts can leave it out. */
    private static final String SCOPE_TAG = "scope";
    /**
     * How long a passage count is reused. It only weighs terms (inverse document frequency), where a count some
     * seconds old changes nothing; asking every time would add a request to every question.
     */
    private static final Duration COUNT_REUSE = Duration.ofSeconds(10);

    private final SolrCluster cluster;
    private final String collection;
    private volatile Counted passages = new Counted(0, Instant.EPOCH);

    private record Counted(int count, Instant at) {}

    public SolrPassageIndex(SolrCluster cluster, String collection) {
        this.cluster = cluster;
        this.collection = collection;
    }

    /**
     * The passages collection, checked to have been built with {@code signature} (schema, model, chunking), which
     * the state collection records. Unlike the embedded index, a mismatch is not rebuilt silently: other processes
     * may still be answering from it, so the operator decides.
     *
     * @param rebuild delete every passage first, and record the new signature
     * @throws IndexUnavailableException when the cluster is unreachable or the passages were built otherwise
     */
    public static SolrPassageIndex open(SolrCluster cluster, String collection, String stateCollection,
            String signature, boolean rebuild) {
        SolrPassageIndex index = new SolrPassageIndex(cluster, collection);
        SolrState state = new SolrState(cluster, stateCollection);
        Optional<String> stored = state.body(SIGNATURE, collection, "reading the index signature");
        if (rebuild) {
            cluster.deleteByQuery(collection, "*:*", "clearing the passages for a rebuild");
            cluster.softCommit(collection);
        } else if (stored.isPresent() && !stored.get().equals(signature)) {
            throw new IndexUnavailableException("The passages in SolrCloud collection " + collection + " were built"
                    + " with other settings (" + stored.get() + ", now " + signature + "). Stop the other bot"
                    + " processes, then rebuild: java -jar target/footnote.jar index --rebuild");
        }
        if (rebuild || stored.isEmpty()) {
            state.put(SolrState.record(SIGNATURE, collection, signature), "recording the index signature");
        }
        return index;
    }

    @Override
    public Map<String, IndexedArticle> articles() {
        return articles(new SolrQuery(KIND + ":" + KIND_ARTICLE));
    }

    @Override
    public Map<String, IndexedArticle> articles(String sourceId) {
        return articles(new SolrQuery(KIND + ":" + KIND_ARTICLE).addFilterQuery(term(SOURCE, sourceId)));
    }

    private Map<String, IndexedArticle> articles(SolrQuery query) {
        Map<String, IndexedArticle> articles = new HashMap<>();
        query.setFields(PassageFields.MARKER_NAMES.toArray(String[]::new))
                .setRows(1000)
                .setSort(ID, SolrQuery.ORDER.asc);
        for (SolrDocument d : cluster.queryAll(collection, query, "listing the articles")) {
            IndexedArticle article = PassageFields.readMarker(SolrFields.stored(d));
            articles.put(article.articleId(), article);
        }
        return articles;
    }

    /** One block, marker and passages, so Solr replaces the article's old block in a single step. */
    @Override
    public void putArticle(IndexedArticle article, List<Passage> passages, List<float[]> vectors) {
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
        }
        SolrInputDocument marker = SolrFields.document(PassageFields.marker(article));
        // Solr needs a unique key on every document; a marker's is its article id (the embedded index needs none).
        marker.setField(ID, article.articleId());
        for (int i = 0; i < passages.size(); i++) {
            marker.addChildDocument(SolrFields.document(PassageFields.passage(passages.get(i), vectors.get(i))));
        }
        cluster.add(collection, marker, "indexing article " + article.articleId());
    }

    @Override
    public void removeArticle(String articleId) {
        cluster.deleteByQuery(collection, term(ARTICLE, articleId), "removing article " + articleId);
    }

    /** A soft commit: every process's next search sees the writes; the transaction log already made them durable. */
    @Override
    public void commit() {
        cluster.softCommit(collection);
        passages = new Counted(0, Instant.EPOCH);
    }

    private int passageCount() {
        Counted counted = passages;
        if (counted.at().plus(COUNT_REUSE).isBefore(Instant.now())) {
            long found = cluster.query(collection, new SolrQuery(term(KIND, KIND_PASSAGE)).setRows(0),
                    "counting the passages").getResults().getNumFound();
            counted = new Counted((int) found, Instant.now());
            passages = counted;
        }
        return counted.count();
    }

    @Override
    public IndexSnapshot snapshot() {
        return new Snapshot();
    }

    @Override
    public boolean writable() {
        return true;
    }

    /** The cluster's client belongs to the composition root, which closes it after everything that uses it. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "SolrPassageIndex[" + collection + "]";
    }

    /** {@code {!term}}: the value is taken as one indexed term, never parsed or analysed again. */
    static String term(String field, String value) {
        return "{!term f=" + field + " v=" + quoted(value) + "}";
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String scopeFilter(Set<Scope> scopes) {
        return scopes.stream().map(s -> term(SCOPE, s.id())).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code [0.1,-0.2,…]}: Solr's vector syntax, without the spaces {@link Arrays#toString} would add. */
    static String vectorText(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private static String string(SolrDocument d, String field) {
        Object value = d.getFirstValue(field);
        return value == null ? null : value.toString();
    }

    /**
     * The documents a question's searches returned; a hit's handle is its passage's place in this list, the same
     * in both searches, as fusion needs to recognise a passage both found. Solr has no reader to pin, so two
     * searches may see different commits: the stored fields come with each hit, so a passage read back is whole.
     */
    private final class Snapshot implements IndexSnapshot {

        private final List<SolrDocument> documents = new ArrayList<>();
        private final Map<String, Integer> handles = new HashMap<>();
        private final Map<String, Long> frequencies = new HashMap<>();

        @Override
        public List<Hit> lexical(List<String> keyTerms, Set<Scope> scopes, int k) {
            if (keyTerms.isEmpty() || scopes.isEmpty()) {
                return List.of();
            }
            // The key terms are already analysed: Porter stemming is not idempotent, so they go in as terms.
            StringBuilder q = new StringBuilder("{!bool");
            SolrQuery query = new SolrQuery();
            query.setFacet(true).setFacetMinCount(0);
            for (int i = 0; i < keyTerms.size(); i++) {
                q.append(" should=$t").append(i).append(" should=$b").append(i);
                query.set("t" + i, term(TEXT, keyTerms.get(i)));
                query.set("b" + i, "{!boost b=" + IndexSchema.TITLE_BOOST + "}" + term(TITLE, keyTerms.get(i)));
                // Each term's document frequency in the same round trip, counted over every scope as the
                // embedded index counts it: the query matches every passage holding the term, and "ex" lifts
                // the scope filter for the count.
                query.addFacetQuery("{!term ex=" + SCOPE_TAG + " key=df" + i + " f=" + TEXT + " v="
                        + quoted(keyTerms.get(i)) + "}");
            }
            query.setQuery(q.append("}").toString());
            QueryResponse response = search(query, scopes, k, "a lexical search");
            Map<String, Integer> counts = Optional.ofNullable(response.getFacetQuery()).orElse(Map.of());
            for (int i = 0; i < keyTerms.size(); i++) {
                frequencies.put(keyTerms.get(i), (long) counts.getOrDefault("df" + i, 0));
            }
            return hits(response, score -> score);
        }

        @Override
        public List<Hit> nearest(float[] vector, Set<Scope> scopes, int k) {
            if (scopes.isEmpty()) {
                return List.of();
            }
            // topK is per shard, rows the merged total; the scope filter applies while walking each graph.
            SolrQuery query = new SolrQuery("{!knn f=" + VECTOR + " topK=" + k + "}" + vectorText(vector));
            // Solr scores unit-vector dot products as (1 + cos) / 2, as Lucene does; callers want the cosine.
            return hits(search(query, scopes, k, "a vector search"), score -> 2 * score - 1);
        }

        private QueryResponse search(SolrQuery query, Set<Scope> scopes, int k, String what) {
            query.addFilterQuery("{!tag=" + SCOPE_TAG + "}" + scopeFilter(scopes));
            query.setRows(k).setFields(PASSAGE_FIELDS + ",score");
            return cluster.query(collection, query, what);
        }

        private List<Hit> hits(QueryResponse response, DoubleUnaryOperator toScore) {
            List<Hit> hits = new ArrayList<>();
            for (SolrDocument d : response.getResults()) {
                float score = ((Number) d.getFirstValue("score")).floatValue();
                synchronized (documents) {
                    int handle = handles.computeIfAbsent(string(d, ID), id -> {
                        documents.add(d);
                        return documents.size() - 1;
                    });
                    hits.add(new Hit(handle, (float) toScore.applyAsDouble(score)));
                }
            }
            return hits;
        }

        @Override
        public Passage passage(Hit hit) {
            SolrDocument d;
            synchronized (documents) {
                d = documents.get(hit.handle());
            }
            return PassageFields.readPassage(SolrFields.stored(d));
        }

        /** Known from the lexical search for its key terms; any other term costs a request of its own. */
        @Override
        public long documentFrequency(String term) {
            return frequencies.computeIfAbsent(term, t -> cluster.query(collection,
                    new SolrQuery(term(TEXT, t)).setRows(0), "reading a term's frequency").getResults().getNumFound());
        }

        @Override
        public int passageCount() {
            return SolrPassageIndex.this.passageCount();
        }

        @Override
        public void close() {}
    }
}
