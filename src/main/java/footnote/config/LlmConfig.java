package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.Optional;

/**
 * A chat model reached through LangChain4j: the YAML section {@code summary.llm}.
 *
 * @param provider       {@code openai} (any OpenAI-compatible server: OpenAI, llama.cpp, vLLM…) or
 *                       {@code ollama}
 * @param baseUrl        the API's base URL; defaults to OpenAI's, or to a local Ollama
 * @param model          the model's name; without one, no model is configured
 * @param apiKeyVariable the environment variable holding the API key (openai); unset: no key is sent
 * @param temperature    omit (null) for models that accept only their default
 * @param maxTokens      the reply's length limit
 * @param concurrency    model calls at the same time; more wait in a short queue, and beyond it the
 *                       extractive summary is used
 */
public record LlmConfig(Provider provider, String baseUrl, String model, String apiKeyVariable, Double temperature,
        Integer maxTokens, Integer concurrency) {

    /** The API a model is reached through, with where that API usually is. */
    public enum Provider implements Choice {
        OPENAI("https://api.openai.com/v1"),
        OLLAMA("http://localhost:11434");

        private final String defaultBaseUrl;

        Provider(String defaultBaseUrl) {
            this.defaultBaseUrl = defaultBaseUrl;
        }
    }

    public LlmConfig {
        provider = requireNonNullElse(provider, Provider.OPENAI);
        baseUrl = requireNonNullElse(baseUrl, provider.defaultBaseUrl);
        apiKeyVariable = requireNonNullElse(apiKeyVariable, "OPENAI_API_KEY");
        maxTokens = requireNonNullElse(maxTokens, 300);
        concurrency = requireNonNullElse(concurrency, 4);
    }

    public static LlmConfig defaults() {
        return new LlmConfig(null, null, null, null, null, null, null);
    }

    public Optional<String> modelName() {
        return Optional.ofNullable(model).filter(m -> !m.isBlank());
    }

    public Optional<Double> temperatureSetting() {
        return Optional.ofNullable(temperature);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(Checks.httpUrl(baseUrl), "summary.llm.baseUrl must be an http or https URL")
                .check(Checks.variableName(apiKeyVariable),
                        "summary.llm.apiKeyVariable must be an environment variable name")
                .check(temperatureSetting().map(t -> t >= 0 && t <= 2).orElse(true),
                        "summary.llm.temperature must be between 0 and 2")
                .check(maxTokens >= 16 && maxTokens <= 4096, "summary.llm.maxTokens must be between 16 and 4096")
                .check(concurrency >= 1 && concurrency <= 64, "summary.llm.concurrency must be between 1 and 64")
                .list();
    }
}
