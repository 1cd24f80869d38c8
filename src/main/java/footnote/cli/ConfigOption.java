package footnote.cli;

import footnote.config.Config;
import footnote.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command takes. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/footnote.yaml",
            description = "Settings file (default: ${DEFAULT-VALUE}).")
    Path file;

    Config load() {
        return new ConfigLoader().load(file);
    }
}
