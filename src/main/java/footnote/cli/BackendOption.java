package footnote.cli;

import footnote.config.Choice;
import footnote.config.Config;
import footnote.config.IndexConfig.Backend;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --backend} option of the measuring commands, so both backends can be measured side by side. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "lucene|solr", converter = BackendName.class,
            description = "Overrides index.backend for this run. The solr backend measures in scratch collections of"
                    + " its own on index.solr's cluster, named after the deployment's (<passages>_bench,"
                    + " <passages>_eval), emptied first.")
    Backend backend;

    /** The settings with the backend chosen here, if one was. */
    Config apply(Config settings) {
        return backend == null ? settings : settings.withIndex(settings.index().withBackend(backend));
    }

    /** Reads a backend as the configuration file writes it. */
    static final class BackendName implements ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            return Choice.parse(Backend.class, value).orElseThrow(() -> new TypeConversionException(
                    "expected " + Choice.allowed(Backend.class) + " but was '" + value + "'"));
        }
    }
}
