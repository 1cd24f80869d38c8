package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's OpenAPI 3.1 description of API v10 ({@code src/test/resources/discord/openapi.json}): finds the
 * operation for a method and path, says whether it needs a bot token, and validates request and response bodies
 * against its JSON Schema 2020-12 schemas ({@code $ref}s resolve into {@code #/components/schemas}).
 *
 * <p>Loaded once per JVM ({@link #get()}); each operation's schemas are compiled on first use and cached, and the
 * schemas of the operations the emulator serves are compiled up front, so a request costs one validation pass.
 */
final class DiscordApiSpec {

    private static final String RESOURCE = "/discord/openapi.json";
    /** The IRI the spec document is registered under; nothing is ever fetched from it. */
    private static final String BASE = "urn:footnote:discord-openapi-v10";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final int MAX_ERRORS_PER_BODY = 8;
    /**
     * Serialises schema compilation and validation. Compiled schemas share subschemas (RichEmbed, SnowflakeType,
     * ...) whose {@code $ref}s resolve lazily; one lock rules out races there, and a validation takes microseconds.
     */
    private static final Object VALIDATION = new Object();

    /** Operations the emulator serves; their schemas are compiled when the spec is loaded. */
    private static final List<String> WARM_OPERATIONS = List.of(
            "create_message", "update_message", "create_interaction_response", "execute_webhook",
            "update_original_webhook_message", "update_webhook_message", "bulk_set_application_commands",
            "bulk_set_guild_application_commands", "create_application_command",
            "create_guild_application_command", "create_thread_from_message");

    private static final class Holder {
        static final DiscordApiSpec INSTANCE = new DiscordApiSpec();
    }

    /** One operation of the spec. */
    record Operation(String method, String template, String operationId, Pattern regex, List<String> params,
                     int literalSegments, boolean authRequired, JsonNode node) {
    }

    /** An operation matched to a concrete path, with its path parameters. */
    record Match(Operation operation, Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }
    }

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    private DiscordApiSpec() {
        String text;
        try (InputStream in = DiscordApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        // JSON Schema 2020-12; the OpenAPI document's own keys (openapi, paths, x-discord-union, ...) are inert.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        String spec = patchForDiscordsLeniency(text);
        registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemas(Map.of(BASE, spec))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        loadOperations();
        for (Operation op : operations) {
            if (WARM_OPERATIONS.contains(op.operationId())) {
                requestSchemaPointers(op).forEach(pointer -> schema(pointer));
                responseSchemaPointer(op, 200).ifPresent(this::schema);
            }
        }
    }

    /**
     * One deliberate change to the in-memory copy of the spec (the file stays as Discord published it): Discord
     * accepts a snowflake in a request as a JSON string or as a JSON integer (Javacord 3.8.0 sends
     * {@code message_reference.message_id} and {@code sticker_ids} as numbers, discord.py does too), while the
     * spec's {@code SnowflakeType} says string only.
     */
    private static String patchForDiscordsLeniency(String text) {
        try {
            ObjectNode copy = (ObjectNode) MAPPER.readTree(text);
            ObjectNode schemas = (ObjectNode) copy.path("components").path("schemas");
            JsonNode snowflake = schemas.get("SnowflakeType");
            ObjectNode lenient = MAPPER.createObjectNode();
            lenient.putArray("anyOf").add(snowflake).addObject().put("type", "integer").put("minimum", 0);
            schemas.set("SnowflakeType", lenient);
            return MAPPER.writeValueAsString(copy);
        } catch (IOException e) {
            throw new IllegalStateException("cannot patch the spec", e);
        }
    }

    static DiscordApiSpec get() {
        return Holder.INSTANCE;
    }

    private void loadOperations() {
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            List<String> params = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(segment);
                if (m.matches()) {
                    params.add(m.group(1));
                    regex.append("([^/]+)");
                } else {
                    literals++;
                    regex.append(Pattern.quote(segment));
                }
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode security = op.path("security");
                boolean anonymousAllowed = !security.isArray() || security.isEmpty();
                for (JsonNode requirement : security) {
                    if (requirement.isEmpty()) {
                        anonymousAllowed = true;
                    }
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), template,
                        op.path("operationId").asText(), Pattern.compile(regex.toString()), List.copyOf(params),
                        literals, !anonymousAllowed, op));
            }
        }
        // The most literal template wins: /messages/pins beats /messages/{message_id}.
        operations.sort(Comparator.comparingInt(Operation::literalSegments).reversed());
    }

    /** The operation for this method and path (without {@code /api/v10}), if Discord's API has one. */
    Optional<Match> find(String method, String path) {
        for (Operation op : operations) {
            if (!op.method().equalsIgnoreCase(method)) {
                continue;
            }
            Matcher m = op.regex().matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < op.params().size(); i++) {
                    params.put(op.params().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(op, params));
            }
        }
        return Optional.empty();
    }

    /** Whether some operation, of any method, has this path. */
    boolean pathExists(String path) {
        return operations.stream().anyMatch(op -> op.regex().matcher(path).matches());
    }

    /** Whether the operation declares a request body at all, and whether it is required. */
    boolean acceptsBody(Operation op) {
        return op.node().has("requestBody");
    }

    boolean requiresBody(Operation op) {
        return resolve(op.node().path("requestBody")).path("required").asBoolean(false);
    }

    /**
     * Validates a request body. {@code mediaType} is {@code application/json} or {@code multipart/form-data}; for
     * multipart the {@code payload_json} part is validated against the multipart schema, which Discord models as
     * the JSON schema plus optional {@code files[n]} properties.
     *
     * @return human-readable problems, empty if the body is valid
     */
    List<String> validateRequest(Operation op, String mediaType, JsonNode body) {
        Optional<Schema> schema = schema(requestBodyPointer(op) + "/content/" + escape(mediaType) + "/schema");
        if (schema.isEmpty()) {
            return List.of("Discord's API does not accept a " + mediaType + " body for " + op.operationId());
        }
        return errors(schema.get(), normalise(body));
    }

    /**
     * Validates a response body the emulator produced against the operation's response schema for that status.
     * Used to keep the emulator's answers realistic.
     */
    List<String> validateResponse(Operation op, int status, JsonNode body) {
        Optional<String> pointer = responseSchemaPointer(op, status);
        if (pointer.isEmpty()) {
            return List.of();
        }
        return schema(pointer.get()).map(s -> errors(s, body)).orElse(List.of());
    }

    private List<String> requestSchemaPointers(Operation op) {
        List<String> pointers = new ArrayList<>();
        String body = requestBodyPointer(op);
        root.at(body).path("content").fieldNames().forEachRemaining(
                mediaType -> pointers.add(body + "/content/" + escape(mediaType) + "/schema"));
        return pointers;
    }

    /** JSON pointer to the operation's requestBody object, following a {@code $ref} to components. */
    private String requestBodyPointer(Operation op) {
        String pointer = "/paths/" + escape(op.template()) + "/" + op.method().toLowerCase(Locale.ROOT)
                + "/requestBody";
        for (int i = 0; i < 10 && root.at(pointer).has("$ref"); i++) {
            pointer = root.at(pointer).get("$ref").asText().substring(1);
        }
        return pointer;
    }

    private Optional<String> responseSchemaPointer(Operation op, int status) {
        JsonNode responses = op.node().path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            return Optional.empty();
        }
        JsonNode response = responses.get(key);
        if (response.has("$ref")) {
            String ref = response.get("$ref").asText();
            return Optional.of(ref.substring(1) + "/content/application~1json/schema")
                    .filter(p -> !root.at(p).isMissingNode());
        }
        String pointer = "/paths/" + escape(op.template()) + "/" + op.method().toLowerCase(Locale.ROOT)
                + "/responses/" + key + "/content/application~1json/schema";
        return root.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(pointer);
    }

    private Optional<Schema> schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            if (root.at(p).isMissingNode()) {
                return Optional.empty();
            }
            synchronized (VALIDATION) {
                Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + p));
                schema.validate(MAPPER.nullNode()); // resolves the $refs it reaches now, not on a request
                return Optional.of(schema);
            }
        });
    }

    private static List<String> errors(Schema schema, JsonNode body) {
        List<Error> errors;
        synchronized (VALIDATION) {
            errors = schema.validate(body);
        }
        List<String> out = new ArrayList<>();
        for (Error error : errors) {
            if (out.size() == MAX_ERRORS_PER_BODY) {
                out.add("... and " + (errors.size() - MAX_ERRORS_PER_BODY) + " more");
                break;
            }
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            out.add((location.isEmpty() ? "$" : location) + ": " + error.getMessage());
        }
        return out;
    }

    /**
     * Smooths over one place where the spec is stricter than Discord: permission bit sets. Discord documents
     * {@code default_member_permissions} as a string (and Javacord 3.8.0 sends one, e.g. {@code "32"}), while the
     * spec's request schemas say integer. A numeric string is turned into a number before validation.
     */
    private static JsonNode normalise(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        normaliseInPlace(copy);
        return copy;
    }

    private static void normaliseInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode perms = object.get("default_member_permissions");
            if (perms != null && perms.isTextual() && perms.asText().matches("\\d{1,17}")) {
                object.put("default_member_permissions", Long.parseLong(perms.asText()));
            }
            object.elements().forEachRemaining(DiscordApiSpec::normaliseInPlace);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(DiscordApiSpec::normaliseInPlace);
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
