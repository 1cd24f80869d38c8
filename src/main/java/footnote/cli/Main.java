package footnote.cli;

import footnote.config.ConfigException;
import footnote.search.IndexUnavailableException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The entry point: {@code java -jar footnote.jar [run|ask|index|eval]}; without a command it runs the bot. Every
 * failure reaches the operator as one line and an exit code (2 for bad configuration or usage, 1 otherwise).
 */
@Command(name = "footnote", mixinStandardHelpOptions = true, version = "footnote 0.1",
        description = "Answers questions about a collection of articles with quoted, cited excerpts.",
        subcommands = {RunCommand.class, AskCommand.class, IndexCommand.class, EvalCommand.class, SourcesCommand.class,
                BenchCommand.class, SolrCommand.class, TrainCommand.class, InsightsCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            new Terminal().err.println("footnote: out of memory; give the JVM more heap, e.g. java -Xmx512m -jar ...");
            code = 1;
        }
        System.exit(code);
    }

    static int execute(String... args) {
        PrintStream err = new Terminal().err;
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof CommandLine.ParameterException) {
                        err.println("footnote: " + e.getMessage() + " (see --help)");
                        return 2;
                    }
                    if (e instanceof ConfigException) {
                        err.println("footnote: " + e.getMessage());
                        return 2;
                    }
                    if (e instanceof IndexUnavailableException) {
                        err.println("footnote: " + e.getMessage());
                        return 1;
                    }
                    LoggerFactory.getLogger(Main.class).error("Unexpected failure", e);
                    err.println("footnote: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    return 1;
                })
                .execute(args);
    }

    /** No command given: run the bot. */
    @Override
    public Integer call() throws Exception {
        RunCommand run = new RunCommand();
        run.config = config;
        return run.call();
    }
}
