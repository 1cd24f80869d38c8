package footnote.solr;

import footnote.search.IndexUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Creates Footnote's collections from the configsets shipped in {@code config/solr}: uploads each configset over
 * Solr's HTTP API (no ZooKeeper access needed), then creates the collection unless it exists. Safe to run again.
 */
public final class SolrCollections {

    /** What one run did, one line per collection, for the operator. */
    public record Outcome(List<String> lines) {}

    private final SolrCluster cluster;

    public SolrCollections(SolrCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * @param configsets holds {@code passages/conf} and {@code state/conf}
     * @param shards     shards of the passages collection; the state collection, small, has one
     * @param replicas   copies of each shard, placed on different nodes where there are enough
     */
    public Outcome create(Path configsets, String passages, String state, int shards, int replicas) {
        List<String> lines = new ArrayList<>();
        lines.add(create(configsets.resolve("passages"), passages, shards, replicas));
        lines.add(create(configsets.resolve("state"), state, 1, replicas));
        return new Outcome(lines);
    }

    /**
     * The collection of insight records, apart from the state collection: records come one a question and are
     * purged by age, so they get a schema indexing their server and time, and never crowd the small state records.
     * One shard: a deployment's records for the retention are far fewer than its passages.
     *
     * @param configsets holds {@code insights/conf}
     */
    public String createInsights(Path configsets, String insights, int replicas) {
        return create(configsets.resolve("insights"), insights, 1, replicas);
    }

    private String create(Path configset, String collection, int shards, int replicas) {
        String configName = collection + "_config";
        try {
            List<String> existing = CollectionAdminRequest.listCollections(cluster.client());
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(configName)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(zip(configset.resolve("conf")),
                            configName + ".zip", "application/zip"));
            // An existing collection keeps running on its configset; overwriting it updates the schema it reloads.
            upload.setOverwrite(true).setCleanup(true).process(cluster.client());
            if (existing.contains(collection)) {
                CollectionAdminRequest.reloadCollection(collection).process(cluster.client());
                return collection + ": exists; configset " + configName + " updated and reloaded";
            }
            var request = CollectionAdminRequest.createCollection(collection, configName, shards, replicas);
            request.setWaitForFinalState(true); // return once every replica is active
            request.process(cluster.client());
            return collection + ": created with " + shards + (shards == 1 ? " shard" : " shards") + " of "
                    + replicas + (replicas == 1 ? " replica" : " replicas");
        } catch (Exception e) {
            throw new IndexUnavailableException("Creating collection " + collection + " on " + cluster
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The configset's files as a zip, paths relative to its conf folder, as Solr's upload expects. */
    static byte[] zip(Path conf) {
        if (!Files.isRegularFile(conf.resolve("solrconfig.xml"))) {
            throw new IllegalArgumentException("No configset at " + conf + " (solrconfig.xml is missing)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(conf)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(conf.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the configset at " + conf, e);
        }
        return bytes.toByteArray();
    }
}
