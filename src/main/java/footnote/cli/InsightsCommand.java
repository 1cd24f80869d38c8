package footnote.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import footnote.chat.ChatService;
import footnote.chat.Context;
import footnote.chat.InsightReportJson;
import footnote.chat.InsightLines;
import footnote.chat.ServerSettingsStore;
import footnote.corpus.Scope;
import footnote.insights.InsightRecord;
import footnote.insights.InsightReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The insights report for the operator: what members asked, what went unanswered, the votes, which sources served;
 * one report per server with records (the terminal's questions count as their own server, {@code terminal}), as
 * text, JSON or one CSV table ({@link InsightCsv} documents its columns).
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = {"Prints the insights report: questions asked and the share answered, votes,",
                "the most asked questions the sources could not answer, answers voted not",
                "helpful, the most and never cited sources. Without --server, one report per",
                "server with records (the terminal's questions are server 'terminal')."})
final class InsightsCommand implements Callable<Integer> {

    /** The longest window: the most records a retention of ten years keeps. */
    static final int MAX_DAYS = 3_650;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--server", paramLabel = "ID",
            description = "One server's report: its Discord id, or 'terminal'.")
    Optional<String> server = Optional.empty();

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "The window, in days (default: ${DEFAULT-VALUE}).")
    int days;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Format format = new Format();

    @Spec
    CommandSpec spec;

    /** How the report is printed: text unless one of these is given. */
    static final class Format {
        @Option(names = "--json", description = "Print the reports as a JSON array, for scripts.")
        boolean json;

        @Option(names = "--csv", description = "Print the reports as one CSV table, for a spreadsheet.")
        boolean csv;
    }

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > MAX_DAYS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--days must be between 1 and " + MAX_DAYS + ", not " + days);
        }
        try (App app = Startup.configured(config.load(), false, false, terminal)) {
            return print(app.chat, app.serverSettings, server, days, format, terminal.out, terminal.err);
        }
    }

    /**
     * Prints the reports; returns the exit code: 1 when insights are off (said on standard error), else 0.
     *
     * @param settings whether a server shows the sources shipped with the bot, for its never cited sources
     */
    static int print(ChatService chat, ServerSettingsStore settings, Optional<String> server, int days,
            Format format, PrintStream out, PrintStream err) {
        if (!chat.recordsInsights()) {
            err.println(InsightLines.OFF_FOR_OPERATOR);
            return 1;
        }
        List<String> servers = server.map(List::of).orElseGet(chat::insightServers);
        if (servers.isEmpty()) {
            err.println("No questions are recorded yet, in any server or in the terminal.");
        }
        List<InsightReport> reports = servers.stream()
                .map(s -> chat.insightReport(s, scopes(s, settings), days).orElseThrow()).toList();
        if (format.json) {
            out.println(json(reports));
        } else if (format.csv) {
            out.print(InsightCsv.table(reports));
        } else {
            reports.forEach(report -> out.println(heading(report.server()) + "\n" + InsightLines.text(report) + "\n"));
        }
        return 0;
    }

    /** The sources that answer there: the terminal's are the shared ones, as its chat answers from. */
    private static Set<Scope> scopes(String server, ServerSettingsStore settings) {
        return server.equals(InsightRecord.TERMINAL) ? Context.terminal().scopes()
                : Context.server(settings.get(server), true).scopes();
    }

    private static String heading(String server) {
        return server.equals(InsightRecord.TERMINAL) ? "Terminal:" : "Server " + server + ":";
    }

    private static String json(List<InsightReport> reports) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        reports.forEach(report -> array.add(InsightReportJson.report(report)));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
