package footnote.cli;

import footnote.config.Config;
import footnote.config.ConfigException;
import footnote.config.SolrConfig;
import footnote.solr.SolrCluster;
import footnote.solr.SolrCollections;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

/** Sets up the SolrCloud backend: the one step an operator takes before the first bot process starts. */
@Command(name = "solr", mixinStandardHelpOptions = true,
        description = "Manages the SolrCloud backend named in index.solr.",
        subcommands = SolrCommand.Create.class)
final class SolrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Uploads the configsets in index.solr.configsets and creates the passages"
                    + " (index.solr.shards x index.solr.replicas), state and insights collections; an existing one"
                    + " gets the configset and is reloaded. Safe to run again.")
    static final class Create implements Callable<Integer> {

        @Mixin
        ConfigOption config = new ConfigOption();

        private final Terminal terminal = new Terminal();

        @Override
        public Integer call() throws Exception {
            Config settings = config.load();
            SolrConfig solr = settings.index().solr();
            if (solr.urls().isEmpty()) {
                throw new ConfigException("index.solr.urls is empty: name at least one Solr node, e.g."
                        + " http://solr1:8983/solr");
            }
            try (SolrCluster cluster = new SolrCluster(solr.urls(), Duration.ofSeconds(solr.timeoutSeconds()))) {
                SolrCollections collections = new SolrCollections(cluster);
                Path configsets = Path.of(solr.configsets());
                collections.create(configsets, solr.passages(), solr.state(), solr.shards(), solr.replicas())
                        .lines().forEach(terminal.out::println);
                terminal.out.println(collections.createInsights(configsets, solr.insights(), solr.replicas()));
            }
            if (!settings.index().solrBackend()) {
                terminal.err.println("Note: index.backend is still lucene; set it to solr to use these collections.");
            }
            return 0;
        }
    }
}
