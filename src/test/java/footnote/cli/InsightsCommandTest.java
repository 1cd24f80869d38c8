package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.insights.Insights;
import footnote.testing.InsightFixtures;
import footnote.testing.ManualClock;
import footnote.testing.MemoryInsightStore;
import footnote.testing.MemorySettingsStore;
import footnote.testing.TinyChat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator reads the insights report from the command line, as text, JSON or a CSV table. */
class InsightsCommandTest {

    private final MemoryInsightStore store = new MemoryInsightStore();
    private final ManualClock clock = new ManualClock(InsightFixtures.NOW);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TinyChat tiny;

    @BeforeEach
    void fill() throws IOException {
        tiny = new TinyChat();
        InsightFixtures.records().forEach(store::put);
    }

    @AfterEach
    void close() throws IOException {
        tiny.close();
    }

    private int print(Insights insights, Optional<String> server, InsightsCommand.Format format) {
        try (insights) {
            return InsightsCommand.print(tiny.chat(insights), new MemorySettingsStore(), server, 7, format,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        }
    }

    private int print(Optional<String> server, InsightsCommand.Format format) {
        return print(InsightFixtures.insights(store, clock), server, format);
    }

    private static InsightsCommand.Format format(boolean json, boolean csv) {
        InsightsCommand.Format format = new InsightsCommand.Format();
        format.json = json;
        format.csv = csv;
        return format;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prints_one_report_per_server_with_records_the_terminal_as_its_own() {
        int code = print(Optional.empty(), format(false, false));

        assertThat(code).isZero();
        assertThat(out()).startsWith("Server 42:\nIn the last 7 days: 5 questions, 2 answered (40%). Votes: 1"
                + " helpful, 1 not helpful.\n").contains("- when was the symposium ×3\n", "Terminal:\n");
    }

    @Test
    void csv_is_one_table_with_a_row_per_figure() {
        print(Optional.of(InsightFixtures.SERVER), format(false, true));

        List<String> rows = out().lines().toList();
        assertThat(rows.get(0)).isEqualTo(InsightCsv.HEADER);
        assertThat(rows).contains("42,7,total,,,,5,2,3,1,1,2025-03-10T12:00:00Z,",
                "42,7,unanswered,when was the symposium,,,3,,,,,2025-03-10T11:00:00Z,",
                "42,7,not_helpful,what did jack ma say,,,,,,0,1,2025-03-08T12:00:00Z,\"he gave no speech, say so\"",
                "42,7,most_cited," + InsightFixtures.SOURCE_TITLE + ",," + InsightFixtures.SOURCE_ID + ",2,,,,,,");
        assertThat(rows).filteredOn(r -> r.startsWith("42,7,day,")).hasSize(8);
        assertThat(rows).noneMatch(r -> r.startsWith("terminal,"));
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(InsightCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InsightCsv.cell("-1+1")).isEqualTo("'-1+1");
        assertThat(InsightCsv.cell("who, when")).isEqualTo("\"who, when\"");
    }

    @Test
    void json_is_an_array_of_the_reports_as_data() throws IOException {
        print(Optional.empty(), format(true, false));

        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).extracting(r -> r.get("server").asText()).containsExactly("42", "terminal");
        assertThat(json.get(0).get("unanswered").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(json.get(1).get("asked").asInt()).isEqualTo(1);
    }

    @Test
    void with_insights_off_it_says_so_and_exits_non_zero() {
        int code = print(InsightFixtures.off(store, clock), Optional.empty(), format(false, false));

        assertThat(code).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("insights.enabled: false");
    }

    @Test
    void the_command_line_offers_the_server_the_window_and_the_formats() {
        PrintStream realOut = System.out;
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("insights", "--help")).isZero();
            assertThat(Main.execute("insights", "--json", "--csv")).isEqualTo(2);
        } finally {
            System.setOut(realOut);
        }
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("Usage: footnote insights", "--server=ID",
                "--days=N", "--json", "--csv");
    }
}
