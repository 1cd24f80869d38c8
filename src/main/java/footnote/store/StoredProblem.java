package footnote.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.corpus.SourceChange.Problem;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A source's last problem in its record's JSON: an object naming its kind, with the data its words need, so the
 * words stay with the renderers. A record written before problems were typed holds a sentence, read as the text
 * of a failed fetch, which is how it is shown.
 */
final class StoredProblem {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoredProblem() {}

    static JsonNode write(Problem problem) {
        return problem.accept(new Problem.Visitor<ObjectNode>() {
            @Override
            public ObjectNode fetch(Problem.Fetch p) {
                return kind("fetch").put("message", p.message());
            }

            @Override
            public ObjectNode noEntries(Problem.NoEntries p) {
                return kind("noEntries").put("url", p.feed().toString());
            }

            @Override
            public ObjectNode noLongerAFeed(Problem.NoLongerAFeed p) {
                return kind("noLongerAFeed").put("url", p.url().toString());
            }

            @Override
            public ObjectNode nowAFeed(Problem.NowAFeed p) {
                return kind("nowAFeed").put("url", p.url().toString());
            }

            @Override
            public ObjectNode tooManyPassages(Problem.TooManyPassages p) {
                return kind("tooManyPassages").put("limit", p.limit());
            }

            @Override
            public ObjectNode tookTooLong(Problem.TookTooLong p) {
                return kind("tookTooLong").put("seconds", p.limit().toSeconds());
            }

            @Override
            public ObjectNode onOurSide(Problem.OnOurSide p) {
                return kind("onOurSide");
            }

            @Override
            public ObjectNode copyMissing(Problem.CopyMissing p) {
                return kind("copyMissing");
            }

            @Override
            public ObjectNode notIndexedYet(Problem.NotIndexedYet p) {
                return kind("notIndexedYet");
            }
        });
    }

    /** @throws IOException when the node is neither a sentence nor a problem of a known kind */
    static Problem read(JsonNode node) throws IOException {
        if (node.isTextual()) {
            return new Problem.Fetch(node.asText());
        }
        String kind = node.path("kind").asText();
        switch (kind) {
            case "fetch":
                return new Problem.Fetch(required(node, "message").asText());
            case "noEntries":
                return new Problem.NoEntries(URI.create(required(node, "url").asText()));
            case "noLongerAFeed":
                return new Problem.NoLongerAFeed(URI.create(required(node, "url").asText()));
            case "nowAFeed":
                return new Problem.NowAFeed(URI.create(required(node, "url").asText()));
            case "tooManyPassages":
                return new Problem.TooManyPassages(required(node, "limit").asInt());
            case "tookTooLong":
                return new Problem.TookTooLong(Duration.ofSeconds(required(node, "seconds").asLong()));
            case "onOurSide":
                return new Problem.OnOurSide();
            case "copyMissing":
                return new Problem.CopyMissing();
            case "notIndexedYet":
                return new Problem.NotIndexedYet();
            default:
                throw new IOException("unknown problem kind '" + kind + "'");
        }
    }

    private static ObjectNode kind(String kind) {
        return NODES.objectNode().put("kind", kind);
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("a problem of kind '" + node.path("kind").asText() + "' lacks its " + field);
        }
        return value;
    }
}
