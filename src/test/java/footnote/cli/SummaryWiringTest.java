package footnote.cli;

import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.answering;
import static footnote.testing.Excerpts.excerpt;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.config.Config;
import footnote.config.ConfigLoader;
import footnote.conversation.QuestionRewriter;
import footnote.conversation.Turn;
import footnote.summary.Summarizer;
import footnote.summary.Summary;
import footnote.testing.ModelServer;
import footnote.testing.ModelServer.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary the configuration asks for, built as the bot builds it: which calls a model, and which never does. */
class SummaryWiringTest {

    @TempDir
    Path dir;

    private final Answer answer = answer("Who sat with Jack Ma?",
            answering(excerpt(1, SEATED, "Jack", "Ma"), "Xiaomi founder and CEO Lei Jun"));
    private final ExecutorService calls = App.summaryCalls(2);
    private final ModelServer server = ModelServer.start(Protocol.OPENAI);

    @AfterEach
    void stop() {
        calls.shutdownNow();
        server.close();
    }

    private Config config(String summaryYaml) throws IOException {
        Path file = dir.resolve("footnote.yaml");
        Files.writeString(file, summaryYaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void the_shipped_configuration_quotes_the_answer_from_the_excerpts_and_calls_no_model() {
        Config shipped = new ConfigLoader().load(Path.of("config/footnote.yaml"));

        Summarizer summarizer = App.summarizer(shipped.summary(), name -> null, calls);
        Summary summary = summarizer.summarize(answer).join().orElseThrow();

        assertThat(summarizer.mode()).isEqualTo(Summarizer.Mode.EXTRACTIVE);
        assertThat(summary.origin()).isEqualTo(Summary.Origin.EXTRACTIVE);
        assertThat(summary.note()).isEmpty();
    }

    @Test
    void a_model_that_is_configured_but_not_chosen_is_never_called() throws IOException {
        Config config = config("summary:\n  mode: extractive\n  llm:\n    baseUrl: " + server.baseUrl()
                + "\n    model: test-model\n");
        server.then("Jack Ma sat with Lei Jun [1].");

        App.summarizer(config.summary(), name -> "sk-test", calls).summarize(answer).join();

        assertThat(server.received()).isEmpty();
    }

    @Test
    void mode_llm_calls_the_configured_model_with_the_key_from_the_named_variable() throws IOException {
        Config config = config("summary:\n  mode: llm\n  llm:\n    baseUrl: " + server.baseUrl()
                + "\n    model: test-model\n    apiKeyVariable: TEST_MODEL_KEY\n    temperature: 0\n");
        server.then("Jack Ma sat with Lei Jun [1].");

        Summary summary = App.summarizer(config.summary(), Map.of("TEST_MODEL_KEY", "sk-from-env")::get, calls)
                .summarize(answer).join().orElseThrow();

        assertThat(summary.origin()).isEqualTo(Summary.Origin.MODEL);
        assertThat(summary.text()).isEqualTo("Jack Ma sat with Lei Jun. [1]");
        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer sk-from-env");
            assertThat(r.body().get("model").asText()).isEqualTo("test-model");
            assertThat(r.body().get("temperature").asDouble()).isZero();
        });
    }

    @Test
    void without_the_key_variable_set_no_key_is_sent_as_a_local_server_expects() throws IOException {
        Config config = config("summary:\n  mode: llm\n  llm:\n    baseUrl: " + server.baseUrl()
                + "\n    model: local-model\n");
        server.then("Jack Ma sat with Lei Jun [1].");

        App.summarizer(config.summary(), name -> null, calls).summarize(answer).join();

        assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void mode_llm_without_a_model_name_quotes_the_answer_from_the_excerpts_and_says_why() throws IOException {
        Config config = config("summary:\n  mode: llm\n  llm:\n    baseUrl: " + server.baseUrl() + "\n");

        Summary summary = App.summarizer(config.summary(), name -> null, calls).summarize(answer).join().orElseThrow();

        assertThat(summary.note()).contains("No language model summary: no summary model is configured.");
        assertThat(server.received()).isEmpty();
    }

    private Optional<QuestionRewriter> rewriter(Config config) {
        return App.rewriter(config.summary(), App.languageModel(config.summary(), name -> null), calls);
    }

    @Test
    void mode_llm_rewrites_follow_ups_with_the_summary_model() throws IOException {
        Config config = config("summary:\n  mode: llm\n  llm:\n    baseUrl: " + server.baseUrl()
                + "\n    model: test-model\n");
        server.then("When did Pony Ma found Tencent?");
        Turn first = new Turn("Who founded Tencent?", List.of("Tencent"), true,
                List.of("Pony Ma founded Tencent in 1998."), Optional.empty());

        Optional<String> rewrite = rewriter(config).orElseThrow().rewrite(List.of(first), "when did he found it?");

        assertThat(rewrite).contains("When did Pony Ma found Tencent?");
        assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.body().get("model").asText())
                .isEqualTo("test-model"));
    }

    @Test
    void follow_ups_are_read_without_a_model_unless_mode_llm_has_one() throws IOException {
        String model = "  llm:\n    baseUrl: " + server.baseUrl() + "\n    model: test-model\n";

        assertThat(rewriter(config("summary:\n  mode: extractive\n" + model))).isEmpty();
        assertThat(rewriter(config("summary:\n  mode: none\n" + model))).isEmpty();
        assertThat(rewriter(config("summary:\n  mode: llm\n  llm:\n    baseUrl: " + server.baseUrl() + "\n")))
                .isEmpty();
        assertThat(server.received()).isEmpty();
    }
}
