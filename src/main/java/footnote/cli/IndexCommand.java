package footnote.cli;

import footnote.corpus.Scope;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Brings the index in step with the sources, or rebuilds it from them. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Indexes the sources: new and changed articles are (re)indexed, unchanged ones skipped,",
                "removed ones dropped. --rebuild starts from an empty index (e.g. after damage)."})
final class IndexCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--rebuild", description = "Discard the index and build it again from the sources.")
    boolean rebuild;

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        try (App app = Startup.configured(config.load(), rebuild, true, terminal)) {
            app.sources.awaitIdle(); // sources a crash cut short are fetched again before the command ends
            if (!app.index.writable()) {
                terminal.err.println("footnote: the index is in use by another Footnote process; nothing was indexed.");
                return 1;
            }
            return app.board.list(Set.of(Scope.GLOBAL)).stream()
                    .anyMatch(s -> s.problem().isPresent()) ? 1 : 0;
        }
    }
}
