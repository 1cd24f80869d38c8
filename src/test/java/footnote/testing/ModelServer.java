package footnote.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A language model's server on 127.0.0.1 that speaks the OpenAI chat-completions or the Ollama chat protocol and
 * answers with scripted completions, in order, recording every request (body and headers) it was sent.
 */
public final class ModelServer implements AutoCloseable {

    /** Which wire protocol the server speaks. */
    public enum Protocol { OPENAI, OLLAMA }

    /** One scripted answer: a completion's text after a delay, or an HTTP error status. */
    public record Completion(int status, String content, Duration delay) {

        public static Completion text(String content) {
            return new Completion(200, content, Duration.ZERO);
        }

        public static Completion error(int status) {
            return new Completion(status, "", Duration.ZERO);
        }

        public Completion after(Duration delay) {
            return new Completion(status, content, delay);
        }
    }

    /** What the client sent: the JSON body, and its Authorization header if any. */
    public record Received(JsonNode body, String authorization) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Protocol protocol;
    private final WebServer web = WebServer.start();
    private final Queue<Completion> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ModelServer(Protocol protocol) {
        this.protocol = protocol;
        web.on(path(), this::answer);
    }

    public static ModelServer start(Protocol protocol) {
        return new ModelServer(protocol);
    }

    public ModelServer then(Completion completion) {
        script.add(completion);
        return this;
    }

    public ModelServer then(String content) {
        return then(Completion.text(content));
    }

    /** The base URL a client is configured with. */
    public String baseUrl() {
        String root = web.url("").toString();
        return protocol == Protocol.OPENAI ? root + "/v1" : root;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private String path() {
        return protocol == Protocol.OPENAI ? "/v1/chat/completions" : "/api/chat";
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
        Completion next = script.poll();
        if (next == null) {
            next = Completion.error(503);
        }
        try {
            Thread.sleep(next.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (next.status() != 200) {
            String error = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}";
            WebServer.send(exchange, next.status(), "application/json", error.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String model = body.path("model").asText();
        ObjectNode reply = JSON.createObjectNode();
        if (protocol == Protocol.OPENAI) {
            reply.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_763_800_000L)
                    .put("model", model);
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", next.content());
            reply.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 40).put("total_tokens", 140);
        } else {
            reply.put("model", model).put("created_at", "2026-11-22T08:00:00Z").put("done", true)
                    .put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 40);
            reply.putObject("message").put("role", "assistant").put("content", next.content());
        }
        WebServer.send(exchange, 200, "application/json", JSON.writeValueAsBytes(reply));
    }

    @Override
    public void close() {
        web.close();
    }
}
