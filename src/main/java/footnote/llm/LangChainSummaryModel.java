package footnote.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import footnote.conversation.RewriteModel;
import footnote.conversation.RewritePrompt;
import footnote.summary.SummaryModel;
import footnote.summary.SummaryModelException;
import footnote.summary.SummaryPrompt;
import java.time.Duration;
import java.util.Optional;

/**
 * The summary model through LangChain4j's chat models: an OpenAI-compatible endpoint (OpenAI itself, or a local
 * server such as llama.cpp or vLLM) or Ollama. The same model rewrites follow-ups into standalone questions, so one
 * configured model serves both and one client holds the connections. Requests and responses are never logged by
 * LangChain4j, so neither the key nor article or member text reaches the log from here. Retries are off: the
 * caller's deadline decides how long a call may take, and a model-free result stands in when it cannot.
 */
public final class LangChainSummaryModel implements SummaryModel, RewriteModel {

    /**
     * How to reach the model.
     *
     * @param temperature empty for a model that accepts only its default (some reasoning models)
     * @param maxTokens   the reply's length limit; three sentences need far fewer
     */
    public record Settings(String baseUrl, String model, Duration timeout, Optional<Double> temperature,
            int maxTokens) {

        /**
         * The HTTP client's own time-out: the summary's deadline plus a margin, so that the summarizer's deadline
         * always ends a slow call first and the member reads "did not answer within 20 s", not a bare failure.
         * With the two equal they raced, and either could win.
         */
        Duration clientTimeout() {
            return timeout.plus(CLIENT_MARGIN);
        }
    }

    private static final Duration CLIENT_MARGIN = Duration.ofSeconds(5);

    private final ChatModel chat;
    private final String description;

    private LangChainSummaryModel(ChatModel chat, String description) {
        this.chat = chat;
        this.description = description;
    }

    /** @param apiKey sent as a bearer token; empty for a local server that needs none */
    public static LangChainSummaryModel openAi(Settings settings, Optional<String> apiKey) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .apiKey(apiKey.orElse(null)) // none: no Authorization header, as local servers expect
                .timeout(settings.clientTimeout())
                .maxRetries(0)
                .maxTokens(settings.maxTokens())
                .logRequests(false)
                .logResponses(false);
        settings.temperature().ifPresent(builder::temperature);
        return new LangChainSummaryModel(builder.build(), "OpenAI-compatible model " + settings.model() + " at "
                + settings.baseUrl());
    }

    public static LangChainSummaryModel ollama(Settings settings) {
        var builder = OllamaChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .timeout(settings.clientTimeout())
                .maxRetries(0)
                .numPredict(settings.maxTokens())
                .logRequests(false)
                .logResponses(false);
        settings.temperature().ifPresent(builder::temperature);
        return new LangChainSummaryModel(builder.build(), "Ollama model " + settings.model() + " at "
                + settings.baseUrl());
    }

    @Override
    public String write(SummaryPrompt prompt) {
        return ask(prompt.instructions(), prompt.request());
    }

    /** @throws SummaryModelException as for a summary: the message names the model and the status, not the text */
    @Override
    public String reply(RewritePrompt prompt) {
        return ask(prompt.instructions(), prompt.request());
    }

    private String ask(String instructions, String data) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(instructions), UserMessage.from(data))
                .build();
        try {
            AiMessage reply = chat.chat(request).aiMessage();
            return reply == null || reply.text() == null ? "" : reply.text();
        } catch (HttpException e) {
            throw new SummaryModelException(description + " answered HTTP " + e.statusCode(), e);
        } catch (RuntimeException e) {
            throw new SummaryModelException(description + " failed: " + e.getClass().getSimpleName() + " "
                    + Optional.ofNullable(e.getMessage()).map(m -> m.lines().findFirst().orElse("")).orElse(""), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
