package footnote.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A two-node SolrCloud with its own ZooKeeper, on 127.0.0.1, for trying the solr backend and benchmarking it on
 * one machine (README, "Scaling out"). Solr's test cluster, not a production install: data lives under the folder
 * given (default {@code index/solr-local}) only while it runs. Stop it with Ctrl-C.
 */
public final class LocalSolrCloud {

    private LocalSolrCloud() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "index/solr-local");
        Files.createDirectories(dir);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, dir.toAbsolutePath())
                .withTraceIdGenerationDisabled().build();
        List<String> urls = cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("Stopping the cluster: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("SolrCloud is running with 2 nodes. In the settings file:");
        System.out.println("index:");
        System.out.println("  backend: solr");
        System.out.println("  solr:");
        System.out.println("    urls: [" + String.join(", ", urls) + "]");
        System.out.flush();
        stopped.await();
    }
}
