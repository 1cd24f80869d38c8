package footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException {
        Path file = dir.resolve("footnote.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void the_shipped_configuration_loads() {
        Config config = new ConfigLoader().load(Path.of("config/footnote.yaml"));

        assertThat(config.index().path()).isEqualTo("index");
        assertThat(config.sources().bundled()).containsExactly("config/articles");
        assertThat(config.discord().tokenVariable()).isEqualTo("DISCORD_TOKEN");
    }

    @Test
    void the_shipped_summary_is_extractive_and_names_no_model() {
        Config config = new ConfigLoader().load(Path.of("config/footnote.yaml"));

        assertThat(config.summary()).isEqualTo(Config.defaults().summary());
        assertThat(config.summary().mode()).isEqualTo(SummaryConfig.Mode.EXTRACTIVE);
        assertThat(config.summary().timeoutSeconds()).isEqualTo(20);
        assertThat(config.summary().llm().modelName()).isEmpty();
        assertThat(config.summary().llm().baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void an_ollama_model_defaults_to_a_local_ollama() throws IOException {
        Config config = load("summary:\n  mode: llm\n  llm:\n    provider: ollama\n    model: llama3.2\n");

        assertThat(config.summary().llm().baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(config.summary().llm().modelName()).contains("llama3.2");
    }

    @Test
    void bad_summary_settings_are_refused_at_start_up() {
        assertThatThrownBy(() -> load("summary:\n  mode: llama\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("summary.mode must be none, extractive or llm");
        assertThatThrownBy(() -> load("summary:\n  llm:\n    provider: anthropic\n"))
                .hasMessageContaining("summary.llm.provider must be openai or ollama");
        assertThatThrownBy(() -> load("summary:\n  llm:\n    baseUrl: localhost:8080\n"))
                .hasMessageContaining("summary.llm.baseUrl must be an http or https URL");
        assertThatThrownBy(() -> load("summary:\n  timeoutSeconds: 0\n"))
                .hasMessageContaining("summary.timeoutSeconds must be between 1 and 300");
    }

    @Test
    void the_shipped_configuration_needs_no_server_of_any_kind() {
        Config config = new ConfigLoader().load(Path.of("config/footnote.yaml"));

        assertThat(config.index()).isEqualTo(Config.defaults().index());
        assertThat(config.index().solrBackend()).isFalse();
        assertThat(config.discord().totalShards()).isEqualTo(1);
        assertThat(config.discord().myShards()).containsExactly(0);
    }

    @Test
    void a_solr_backend_with_its_nodes_and_a_shard_of_two_loads() throws IOException {
        Config config = load("index:\n  backend: solr\n  solr:\n    urls: [http://solr1:8983/solr]\n"
                + "discord:\n  totalShards: 2\n  shards: [1]\n");

        assertThat(config.index().solrBackend()).isTrue();
        assertThat(config.index().solr().passages()).isEqualTo("footnote_passages");
        assertThat(config.discord().myShards()).containsExactly(1);
    }

    @Test
    void bad_backend_and_shard_settings_are_refused_at_start_up() {
        assertThatThrownBy(() -> load("index:\n  backend: elastic\n"))
                .hasMessageContaining("index.backend must be lucene or solr");
        assertThatThrownBy(() -> load("index:\n  backend: solr\n"))
                .hasMessageContaining("index.solr.urls must list at least one Solr node URL");
        assertThatThrownBy(() -> load("index:\n  solr:\n    urls: [solr1:8983]\n"))
                .hasMessageContaining("index.solr.urls must be http or https URLs");
        assertThatThrownBy(() -> load("discord:\n  totalShards: 2\n  shards: [2]\n"))
                .hasMessageContaining("discord.shards must be distinct shard numbers from 0 to");
        assertThatThrownBy(() -> load("discord:\n  totalShards: 2\n  shards: [0]\n"))
                .hasMessageContaining("needs index.backend solr");
    }

    @Test
    void keys_left_out_take_their_defaults() throws IOException {
        Config config = load("retrieval:\n  denseWeight: 0.3\n");

        assertThat(config.retrieval().denseWeight()).isEqualTo(0.3);
        assertThat(config.retrieval().candidates()).isEqualTo(Config.defaults().retrieval().candidates());
        assertThat(config.answers().maxExcerpts()).isEqualTo(3);
        assertThat(load("").index().path()).isEqualTo("index");
    }

    @Test
    void a_missing_file_is_named_with_what_to_do() {
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist")
                .hasMessageContaining("--config");
    }

    @Test
    void an_unknown_key_is_refused_with_its_line_and_the_known_keys() {
        assertThatThrownBy(() -> load("retrieval:\n  candidates: 50\n  denseWieght: 0.3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown setting 'retrieval.denseWieght'")
                .hasMessageContaining("denseWeight");
    }

    @Test
    void malformed_yaml_is_refused_with_its_line() {
        assertThatThrownBy(() -> load("index:\n  path: \"unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused() {
        assertThatThrownBy(() -> load("answers:\n  maxExcerpts: many\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad value for 'answers.maxExcerpts'");
    }

    @Test
    void values_out_of_range_are_all_reported_at_once() {
        assertThatThrownBy(() -> load("retrieval:\n  denseWeight: 2\nanswers:\n  maxExcerpts: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("retrieval.denseWeight must be between 0 and 1")
                .hasMessageContaining("answers.maxExcerpts must be between 1 and 10");
    }

    @Test
    void an_unknown_choice_is_named_with_its_values_and_reported_with_the_other_problems() {
        assertThatThrownBy(() -> load("index:\n  backend: elastic\nanswers:\n  judge: vote\n  maxExcerpts: 0\n"
                + "summary:\n  llm:\n    provider: anthropic\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("index.backend must be lucene or solr, got elastic")
                .hasMessageContaining("answers.judge must be model or evidence, got vote")
                .hasMessageContaining("summary.llm.provider must be openai or ollama, got anthropic")
                .hasMessageContaining("answers.maxExcerpts must be between 1 and 10")
                .hasMessageNotContaining("\n");
    }

    @Test
    void choices_are_written_as_in_the_file_and_never_picked_by_number_or_other_case() throws IOException {
        assertThat(load("answers:\n  judge: evidence\n").answers().judge()).isEqualTo(AnswersConfig.Judge.EVIDENCE);
        assertThat(load("summary:\n  mode: none\n").summary().mode()).isEqualTo(SummaryConfig.Mode.NONE);
        assertThatThrownBy(() -> load("index:\n  backend: 1\n"))
                .hasMessageContaining("index.backend must be lucene or solr, got 1");
        assertThatThrownBy(() -> load("index:\n  backend: Solr\n"))
                .hasMessageContaining("index.backend must be lucene or solr, got Solr");
        assertThatThrownBy(() -> load("index:\n  backend: \"\"\n"))
                .hasMessageContaining("index.backend must be lucene or solr, got an empty value");
        assertThatThrownBy(() -> load("index:\n  backend: [solr]\n"))
                .hasMessageContaining("bad value for 'index.backend'");
    }

    @Test
    void settings_written_out_read_back_the_same() throws IOException {
        Config settings = load("index:\n  backend: solr\n  solr:\n    urls: [http://solr1:8983/solr]\n"
                + "summary:\n  mode: llm\n  llm:\n    provider: ollama\n");
        String yaml = new ObjectMapper(new YAMLFactory()).writeValueAsString(settings);

        assertThat(yaml).contains("backend: \"solr\"").contains("mode: \"llm\"").contains("provider: \"ollama\"");
        assertThat(load(yaml)).isEqualTo(settings);
    }

    @Test
    void a_with_method_changes_its_value_only() {
        Config base = Config.defaults();
        Config changed = base.withIndex(base.index().withPath("elsewhere").withBackend(IndexConfig.Backend.SOLR)
                        .withSolr(base.index().solr().withCollections("p_bench", "s_bench")))
                .withSources(base.sources().withBundled(List.of("corpus")))
                .withSummary(base.summary().withMode(SummaryConfig.Mode.NONE));

        assertThat(changed.index()).isEqualTo(new IndexConfig("elsewhere", IndexConfig.Backend.SOLR,
                new SolrConfig(null, "p_bench", "s_bench", null, null, null, null, null)));
        assertThat(changed.sources()).isEqualTo(new SourcesConfig(List.of("corpus"), null, null));
        assertThat(changed.summary()).isEqualTo(new SummaryConfig(SummaryConfig.Mode.NONE, null, null, null));
        assertThat(changed.withIndex(base.index()).withSources(base.sources()).withSummary(base.summary()))
                .isEqualTo(base);
    }
}
