package footnote.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.insights.InsightStoreContract;
import footnote.insights.InsightStoreException;
import footnote.insights.Vote;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud insights store against a real cluster on 127.0.0.1 (two Solr nodes and ZooKeeper in this JVM, as
 * in {@link SolrBackendTest}), its collection made from the configset shipped in {@code config/solr}, one shard with
 * a replica on each node: the contract, then what sharing the records between processes takes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrInsightStoreTest extends InsightStoreContract {

    private static final String INSIGHTS = "insights";

    @TempDir
    static Path dir;

    private MiniSolrCloudCluster nodes;
    private SolrCluster cluster;
    /** Another process's client, knowing only the second node. */
    private SolrCluster otherProcess;
    private String created;

    @BeforeAll
    void start() throws Exception {
        nodes = new MiniSolrCloudCluster.Builder(2, dir.resolve("cluster")).withTraceIdGenerationDisabled().build();
        List<String> urls = nodes.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();
        cluster = new SolrCluster(urls, Duration.ofSeconds(30));
        otherProcess = new SolrCluster(urls.subList(1, 2), Duration.ofSeconds(30));
        created = new SolrCollections(cluster).createInsights(Path.of("config/solr"), INSIGHTS, 2);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {cluster, otherProcess}) {
            if (part != null) {
                part.close();
            }
        }
        if (nodes != null) {
            nodes.shutdown();
        }
    }

    /** The tests share the collection: each starts from none of the records. */
    @BeforeEach
    void empty() {
        store.deleteBefore(Instant.MAX);
    }

    @Override
    protected InsightStore open() {
        return new SolrInsightStore(cluster, INSIGHTS);
    }

    @Override
    protected Path dataFolder() {
        return dir.resolve("cluster");
    }

    @Test
    void solr_create_makes_the_collection_once_and_updates_its_configset_after() {
        assertThat(created).isEqualTo(INSIGHTS + ": created with 1 shard of 2 replicas");
        assertThat(new SolrCollections(cluster).createInsights(Path.of("config/solr"), INSIGHTS, 2))
                .startsWith(INSIGHTS + ": exists");
    }

    @Test
    void a_record_one_process_puts_is_read_listed_and_forgotten_by_another() {
        InsightStore other = opened(new SolrInsightStore(otherProcess, INSIGHTS));
        store.put(record("111", "r1", T0));

        assertThat(other.get("111", "r1")).contains(record("111", "r1", T0));
        assertThat(other.since("111", T0)).extracting(InsightRecord::id).containsExactly("r1");
        assertThat(other.servers()).containsExactly("111");
        other.put(record("111", "r1", T0).withVote("voter-a", Vote.HELPFUL));
        assertThat(store.get("111", "r1").orElseThrow().votes()).containsKey("voter-a");
        assertThat(other.deleteServer("111")).isEqualTo(1);
        assertThat(store.get("111", "r1")).isEmpty();
    }

    @Test
    void a_missing_collection_is_reported_with_the_command_that_creates_it() {
        InsightStore missing = opened(new SolrInsightStore(cluster, "no_such_collection"));

        assertThatThrownBy(() -> missing.put(record("111", "r1", T0)))
                .isInstanceOf(InsightStoreException.class)
                .hasMessageContaining("no_such_collection")
                .hasMessageContaining("footnote solr create")
                .hasMessageContaining("answers are not affected");
    }
}
