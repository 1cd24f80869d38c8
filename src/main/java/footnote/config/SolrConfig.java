package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.stream.Stream;

/**
 * A SolrCloud cluster: the YAML section {@code index.solr}. The client is seeded with node URLs and learns the
 * cluster's layout from them, so no ZooKeeper address is needed here; {@code footnote solr create} makes the
 * collections.
 *
 * @param urls           base URLs of some of the cluster's nodes, e.g. {@code http://solr1:8983/solr}
 * @param passages       the collection of passages
 * @param state          the collection of sources, fetched copies, server settings and the deployment lease
 * @param insights       the collection of insight records: what members asked, and their votes
 * @param shards         shards of the passages collection, when created
 * @param replicas       copies of each shard, when created: 2 or more survive losing a node
 * @param configsets     the folder holding the {@code passages}, {@code state} and {@code insights} configsets
 * @param timeoutSeconds how long one request to the cluster may take
 */
public record SolrConfig(List<String> urls, String passages, String state, String insights, Integer shards,
        Integer replicas, String configsets, Integer timeoutSeconds) {

    public SolrConfig {
        urls = List.copyOf(requireNonNullElse(urls, List.of()));
        passages = requireNonNullElse(passages, "footnote_passages");
        state = requireNonNullElse(state, "footnote_state");
        insights = requireNonNullElse(insights, "footnote_insights");
        shards = requireNonNullElse(shards, 2);
        replicas = requireNonNullElse(replicas, 2);
        configsets = requireNonNullElse(configsets, "config/solr");
        timeoutSeconds = requireNonNullElse(timeoutSeconds, 10);
    }

    public static SolrConfig defaults() {
        return new SolrConfig(null, null, null, null, null, null, null, null);
    }

    /** The same cluster, with passages and state in these collections. */
    public SolrConfig withCollections(String passagesReplacement, String stateReplacement) {
        return new SolrConfig(urls, passagesReplacement, stateReplacement, insights, shards, replicas, configsets,
                timeoutSeconds);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(urls.stream().allMatch(Checks::httpUrl),
                        "index.solr.urls must be http or https URLs, e.g. http://solr1:8983/solr")
                .check(Stream.of(passages, state, insights)
                                .allMatch(c -> c.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")),
                        "index.solr.passages, state and insights must be collection names (letters, digits, _ . -)")
                .check(Stream.of(passages, state, insights).distinct().count() == 3,
                        "index.solr.passages, state and insights must be different collections")
                .check(shards >= 1 && replicas >= 1, "index.solr.shards and replicas must be at least 1")
                .check(timeoutSeconds >= 1, "index.solr.timeoutSeconds must be at least 1")
                .list();
    }
}
