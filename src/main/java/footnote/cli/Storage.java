package footnote.cli;

import footnote.chat.ServerSettingsStore;
import footnote.config.Config;
import footnote.config.ConfigException;
import footnote.config.SolrConfig;
import footnote.deployment.Leadership;
import footnote.deployment.LoginGate;
import footnote.ingest.CopyStore;
import footnote.ingest.SourceRegistry;
import footnote.insights.InsightStore;
import footnote.search.Embedder;
import footnote.search.PassageIndex;
import footnote.solr.SolrCluster;
import footnote.solr.SolrCollections;
import footnote.solr.SolrCopyStore;
import footnote.solr.SolrInsightStore;
import footnote.solr.SolrLeadership;
import footnote.solr.SolrLoginGate;
import footnote.solr.SolrPassageIndex;
import footnote.solr.SolrServerSettingsStore;
import footnote.solr.SolrSourceRegistry;
import footnote.store.FileCopyStore;
import footnote.store.FileServerSettingsStore;
import footnote.store.FileSourceRegistry;
import footnote.store.LuceneInsightStore;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the bot's data lives, as {@code index.backend} says: the embedded Lucene index with files under
 * {@code index.path} (one process), or SolrCloud, shared by every bot process of a deployment.
 *
 * @param insights what members asked and how the answers served them: {@code index/insights} (opened on first
 *                 use, so commands that record nothing never touch it) or the shared insights collection
 * @param cluster  the Solr client, closed last, after everything that uses it
 */
record Storage(PassageIndex index, SourceRegistry registry, CopyStore copies, ServerSettingsStore settings,
        InsightStore insights, Leadership leadership, Optional<LoginGate> loginGate, Optional<SolrCluster> cluster)
        implements Closeable {

    /** Discord's 5 s between gateway logins, plus room for clocks that differ between machines. */
    static final Duration LOGIN_SPACING = Duration.ofMillis(5_500);

    /** How long a lead process's lease lasts unrenewed: another takes over about this long after it dies. */
    static final Duration LEASE_TERM = Duration.ofSeconds(30);

    /** The embedded backend over an index already opened. */
    static Storage files(Config config, PassageIndex index) {
        Path data = Path.of(config.index().path());
        return new Storage(index, new FileSourceRegistry(data.resolve("sources")),
                new FileCopyStore(data.resolve("copies")), new FileServerSettingsStore(data.resolve("servers")),
                new LuceneInsightStore(data.resolve("insights")), Leadership.alone(), Optional.empty(),
                Optional.empty());
    }

    /** @param rebuild start the passages from empty */
    static Storage configured(Config config, Embedder embedder, boolean rebuild) {
        if (!config.index().solrBackend()) {
            return files(config, App.configuredIndex(config, embedder, rebuild));
        }
        SolrConfig solr = config.index().solr();
        SolrCluster cluster = new SolrCluster(solr.urls(), Duration.ofSeconds(solr.timeoutSeconds()));
        try {
            PassageIndex index = SolrPassageIndex.open(cluster, solr.passages(), solr.state(),
                    App.signature(config, embedder), rebuild);
            Leadership leadership = new SolrLeadership(cluster, solr.state(), "deployment", processName(),
                    LEASE_TERM, Clock.systemUTC()).start();
            return new Storage(index, new SolrSourceRegistry(cluster, solr.state()),
                    new SolrCopyStore(cluster, solr.state()), new SolrServerSettingsStore(cluster, solr.state()),
                    new SolrInsightStore(cluster, solr.insights()), leadership,
                    Optional.of(new SolrLoginGate(cluster, solr.state(), LOGIN_SPACING, Clock.systemUTC())),
                    Optional.of(cluster));
        } catch (RuntimeException e) {
            closeQuietly(cluster, e);
            throw e;
        }
    }

    /**
     * Scratch passages for measurements, in the collections {@code index.solr} names (callers name ones of their
     * own, never a deployment's): created from the shipped configsets if missing, then emptied. The other stores
     * are files under {@code index.path}, insights included: a measurement never touches a deployment's records.
     */
    static Storage solrScratch(Config config, Embedder embedder) {
        SolrConfig solr = config.index().solr();
        if (solr.urls().isEmpty()) {
            throw new ConfigException("The solr backend needs index.solr.urls: some nodes of a SolrCloud cluster");
        }
        SolrCluster cluster = new SolrCluster(solr.urls(), Duration.ofSeconds(solr.timeoutSeconds()));
        try {
            new SolrCollections(cluster).create(Path.of(solr.configsets()), solr.passages(), solr.state(),
                    solr.shards(), solr.replicas());
            Storage files = files(config, SolrPassageIndex.open(cluster, solr.passages(), solr.state(),
                    App.signature(config, embedder), true));
            return new Storage(files.index(), files.registry(), files.copies(), files.settings(),
                    files.insights(), Leadership.alone(), Optional.empty(), Optional.of(cluster));
        } catch (RuntimeException e) {
            closeQuietly(cluster, e);
            throw e;
        }
    }

    /** The settings with the passages and state in scratch collections named after the deployment's. */
    static Config scratchCollections(Config config, String suffix) {
        SolrConfig solr = config.index().solr();
        return config.withIndex(config.index().withSolr(
                solr.withCollections(solr.passages() + "_" + suffix, solr.state() + "_" + suffix)));
    }

    private static void closeQuietly(SolrCluster cluster, RuntimeException cause) {
        try {
            cluster.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Host and process id, plus a random part in case two containers share both. */
    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() throws IOException {
        try {
            leadership.close();
            insights.close();
            index.close();
        } finally {
            if (cluster.isPresent()) {
                cluster.get().close();
            }
        }
    }
}
