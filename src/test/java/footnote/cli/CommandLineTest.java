package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands as other tools call them, with the real embedding model, on a tiny fixture corpus. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final InputStream realIn = System.in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
        System.setIn(realIn);
    }

    private Path config() throws IOException {
        Path config = dir.resolve("footnote.yaml");
        Files.writeString(config, "index:\n  path: " + dir.resolve("index") + "\nsources:\n  bundled:\n    - "
                + Fixtures.resourcePath("eval/articles") + "\n");
        return config;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"run", "ask", "index", "eval"}) {
            assertThat(Main.execute(command, "--help")).isZero();
        }
        assertThat(out()).contains("Usage: footnote run", "Usage: footnote ask", "--json", "Usage: footnote index",
                "--rebuild", "Usage: footnote eval", "--baseline", "--articles");
    }

    @Test
    void ask_answers_one_question_with_a_cited_quote() throws IOException {
        int code = Main.execute("ask", "--config", config().toString(), "Which company made the robots?");

        assertThat(code).isZero();
        assertThat(out()).contains("[1] \"", "Unitree", "Robots at the Spring Festival Gala · Test Press · 1 Feb 2025 · gala.md");
        assertThat(err()).contains("Index: 2 articles added");
    }

    @Test
    void ask_json_prints_the_answer_for_scripts_and_declines_what_the_sources_lack() throws IOException {
        Path config = config();
        Main.execute("ask", "--config", config.toString(), "--json", "Which rare metals were banned?");
        JsonNode answered = new ObjectMapper().readTree(out());
        out.reset();
        Main.execute("ask", "--config", config.toString(), "--json", "Who won the 2022 FIFA World Cup?");
        JsonNode declined = new ObjectMapper().readTree(out());

        assertThat(answered.get("found").asBoolean()).isTrue();
        assertThat(answered.get("excerpts").get(0).get("text").asText()).contains("gallium");
        assertThat(answered.get("excerpts").get(0).get("citation").get("author").asText()).isEqualTo("A. Writer");
        assertThat(declined.get("found").asBoolean()).isFalse();
        assertThat(declined.get("excerpts")).isEmpty();
    }

    @Test
    void the_index_is_built_once_and_reused_on_the_next_start() throws IOException {
        Path config = config();

        assertThat(Main.execute("index", "--config", config.toString())).isZero();
        assertThat(Main.execute("index", "--config", config.toString())).isZero();

        assertThat(err()).contains("2 articles added", "0 articles added, 0 updated, 2 unchanged");
    }

    @Test
    void run_without_a_token_chats_in_the_terminal() throws IOException {
        System.setIn(new ByteArrayInputStream("How many robots danced at the gala?\nsources\n".getBytes(StandardCharsets.UTF_8)));

        int code = Main.execute("run", "--config", config().toString());

        assertThat(code).isZero();
        assertThat(out()).contains("sixteen humanoid **robots danced**", "2 sources:", "id gala · file");
    }

    @Test
    void run_in_discord_without_a_token_says_so_in_one_line_and_fails() throws IOException {
        Path config = dir.resolve("discord.yaml");
        Files.writeString(config, Files.readString(config()) + "discord:\n  tokenVariable: FOOTNOTE_TEST_TOKEN_NEVER_SET\n");

        int code = Main.execute("run", "--discord", "--config", config.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err().strip()).isEqualTo(
                "footnote: FOOTNOTE_TEST_TOKEN_NEVER_SET is not set; set it to the bot's token to run in Discord.");
    }

    @Test
    void eval_prints_misses_a_table_and_a_machine_readable_last_line() {
        int code = Main.execute("eval", "--baseline", "--articles", Fixtures.resourcePath("eval/articles").toString(),
                Fixtures.resourcePath("eval/questions.jsonl").toString());

        String[] lines = out().strip().split("\n");
        assertThat(code).isZero();
        assertThat(out()).contains("Misses of footnote:", "baseline (BM25, 100 words)", "Answer latency", "AUROC")
                .containsPattern("Discord reply length: median [\\d,]+, p90 [\\d,]+ characters \\(4 replies");
        assertThat(lines[lines.length - 1])
                .matches("hit@1=\\S+ hit@3=\\S+ mrr=\\S+ declined_unanswerable=\\S+ wrongly_declined=\\S+ auroc=\\S+")
                .contains("hit@3=1.00", "declined_unanswerable=1.00", "wrongly_declined=0.00");
    }

    @Test
    void eval_gives_each_kind_of_question_a_row_of_its_own() throws IOException {
        Path questions = dir.resolve("kinds.jsonl");
        Files.writeString(questions, """
                {"question": "who built the dancing robots", "answers": ["Unitree"], "kind": "casual"}
                {"question": "metals beijing banned", "answers": ["gallium", "germanium"], "kind": "short"}
                {"question": "what is the best pizza topping", "answers": [], "kind": "off-topic"}
                """);

        int code = Main.execute("eval", "--articles", Fixtures.resourcePath("eval/articles").toString(),
                questions.toString());

        assertThat(code).isZero();
        assertThat(out()).containsPattern("\\n  casual +1 ")
                .containsPattern("\\n  short +1 ")
                .containsPattern("\\n  off-topic +0 +n/a +n/a +n/a +n/a \\| +1 ");
    }

    @Test
    void a_bad_configuration_is_one_line_and_exit_code_2() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "retrieval:\n  denseWieght: 0.3\n");

        int code = Main.execute("ask", "--config", bad.toString(), "anything");

        assertThat(code).isEqualTo(2);
        assertThat(err().strip()).startsWith("footnote: ").contains("unknown setting 'retrieval.denseWieght'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void a_backend_is_named_on_the_command_line_as_in_the_configuration_file() {
        int code = Main.execute("bench", "--backend", "elastic");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--backend': expected lucene or solr but was 'elastic'");
    }

    @Test
    void a_damaged_index_says_how_to_rebuild_and_the_rebuild_works() throws IOException {
        Path config = config();
        assertThat(Main.execute("index", "--config", config.toString())).isZero();
        try (var files = Files.list(dir.resolve("index/lucene"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[] {0});
            }
        }

        int broken = Main.execute("ask", "--config", config.toString(), "Which company made the robots?");
        String message = err();
        int rebuilt = Main.execute("index", "--config", config.toString(), "--rebuild");

        assertThat(broken).isEqualTo(1);
        assertThat(message).contains("cannot be read", "index --rebuild").doesNotContain("\tat ");
        assertThat(rebuilt).isZero();
        out.reset();
        Main.execute("ask", "--config", config.toString(), "Which company made the robots?");
        assertThat(out()).contains("Unitree");
    }
}
