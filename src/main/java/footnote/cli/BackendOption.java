package footnote.cli;

import footnote.config.Config;
import picocli.CommandLine.Option;

/** The {@code --backend} option of the measuring commands, so both backends can be measured side by side. */
final class BackendOption {

    enum Backend { lucene, solr }

    @Option(names = "--backend", paramLabel = "lucene|solr",
            description = "Overrides index.backend for this run. The solr backend measures in scratch collections of"
                    + " its own on index.solr's cluster, named after the deployment's (<passages>_bench,"
                    + " <passages>_eval), emptied first.")
    Backend backend;

    /** The settings with the backend chosen here, if one was. */
    Config apply(Config settings) {
        if (backend == null) {
            return settings;
        }
        Config.Index index = settings.index();
        return settings.withIndex(new Config.Index(index.path(), backend.name(), index.solr()));
    }
}
