package footnote.discord.emulator;

import static footnote.discord.emulator.DiscordEmulator.APPLICATION_ID;
import static footnote.discord.emulator.DiscordEmulator.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.discord.emulator.DiscordApiSpec.Match;
import footnote.discord.emulator.DiscordApiSpec.Operation;
import footnote.discord.emulator.DiscordEmulator.InteractionState;
import footnote.discord.emulator.RestProxy.RawRequest;
import footnote.discord.emulator.RestProxy.RawResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The emulator's REST side: checks each request (endpoint, authorization, body against Discord's OpenAPI schema
 * and documented limits), records it, and answers as Discord would, from the emulator's world.
 */
final class RestApi {

    private static final String PREFIX = "/api/v10";
    private static final int FLAG_EPHEMERAL = 64;
    private static final int FLAG_LOADING = 128;
    private static final int MESSAGE_TYPE_DEFAULT = 0;
    private static final int MESSAGE_TYPE_REPLY = 19;
    private static final int MESSAGE_TYPE_CHAT_INPUT_COMMAND = 20;
    /** Command and option names of chat-input commands (Discord's documented pattern). */
    private static final Pattern CHAT_INPUT_NAME =
            Pattern.compile("^[-_\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");
    private static final int COMMAND_TOTAL_CHARACTERS = 4000;
    private static final long APPLICATION_OWNER_ID = 1187654321098765431L;

    private final DiscordEmulator emulator;
    private final DiscordApiSpec spec;
    /** Registered commands per scope: 0 for global, else the guild id. Guarded by emulator.lock. */
    private final Map<Long, List<ObjectNode>> commands = new HashMap<>();

    /** An answer: status, JSON body (null for none) and, if the request was a mistake, why. */
    record Reply(int status, JsonNode body, String violation) {
    }

    /** The body of a request: JSON (or multipart payload_json), its media type (null if no body), files. */
    private record Body(JsonNode json, String mediaType, List<Multipart.Part> files) {
    }

    RestApi(DiscordEmulator emulator, DiscordApiSpec spec) {
        this.emulator = emulator;
        this.spec = spec;
    }

    // ======================================================================================= pipeline

    RawResponse handle(RawRequest raw) {
        String target = raw.target();
        int q = target.indexOf('?');
        String fullPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String method = raw.method().toUpperCase(Locale.ROOT);
        boolean versioned = fullPath.startsWith(PREFIX + "/");
        String path = versioned ? fullPath.substring(PREFIX.length()) : fullPath;

        List<String> bodyProblems = new ArrayList<>();
        List<String> otherProblems = new ArrayList<>();
        Body body = parseBody(raw, bodyProblems);

        Optional<Match> match = versioned ? spec.find(method, path) : Optional.empty();
        Operation op = match.map(Match::operation).orElse(null);
        String label = method + " " + path + (op == null ? "" : " (" + op.operationId() + ")");
        Reply reply;
        if (!versioned) {
            reply = error(404, 0, "404: Not Found",
                    "not under " + PREFIX + "; Javacord 3.8.0 and this emulator speak API v10");
        } else if (op == null) {
            reply = spec.pathExists(path)
                    ? error(405, 0, "405: Method Not Allowed", "Discord's API has no " + method + " on this path")
                    : error(404, 0, "404: Not Found", "unknown endpoint: Discord's API has no such path");
        } else {
            checkBody(op, raw, body, bodyProblems);
            Reply authFailure = checkAuthorization(op, raw.headers(), otherProblems);
            Optional<DiscordEmulator.Canned> canned = emulator.takeCanned(method, path);
            if (canned.isPresent()) {
                bodyProblems.forEach(p -> emulator.violation(label + ": " + p));
                otherProblems.forEach(p -> emulator.violation(label + ": " + p));
                return cannedResponse(raw, method, path, query, body, canned.get());
            } else if (authFailure != null) {
                reply = authFailure;
            } else if (!bodyProblems.isEmpty()) {
                reply = invalidFormBody(bodyProblems);
            } else {
                synchronized (emulator.lock) {
                    reply = route(match.get(), body, query);
                }
            }
        }
        List<String> problems = new ArrayList<>(bodyProblems);
        problems.addAll(otherProblems);
        if (reply.violation() != null) {
            problems.add(reply.violation());
        }
        problems.forEach(p -> emulator.violation(label + ": " + p));

        if (op != null && reply.status() / 100 == 2 && reply.body() != null) {
            for (String problem : spec.validateResponse(op, reply.status(), reply.body())) {
                emulator.responseProblem(label + " -> " + reply.status() + ": " + problem);
            }
        }
        emulator.record(new RecordedRequest(method, path, query, raw.headers(), body.json(), reply.status()));
        Map<String, String> headers = defaultHeaders(reply.body() != null);
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().toString().getBytes(StandardCharsets.UTF_8);
        return new RawResponse(reply.status(), headers, bytes);
    }

    private RawResponse cannedResponse(RawRequest raw, String method, String path, String query, Body body,
                                       DiscordEmulator.Canned canned) {
        emulator.record(new RecordedRequest(method, path, query, raw.headers(), body.json(), canned.status()));
        Map<String, String> headers = defaultHeaders(canned.body() != null && !canned.body().isEmpty());
        canned.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        byte[] bytes = canned.body() == null ? new byte[0] : canned.body().getBytes(StandardCharsets.UTF_8);
        return new RawResponse(canned.status(), headers, bytes);
    }

    /**
     * Discord's usual response headers. {@code Via} matters to Javacord: a 429 without it is taken for a
     * Cloudflare ban rather than a rate limit.
     */
    private static Map<String, String> defaultHeaders(boolean json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("Via", "1.1 google");
        return headers;
    }

    private Body parseBody(RawRequest raw, List<String> problems) {
        if (raw.body().length == 0) {
            return new Body(NullNode.getInstance(), null, List.of());
        }
        String contentType = raw.headers().getOrDefault("content-type", "");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("multipart/form-data")) {
            List<Multipart.Part> parts;
            try {
                parts = Multipart.parse(contentType, raw.body());
            } catch (IllegalArgumentException e) {
                problems.add("malformed multipart body: " + e.getMessage());
                return new Body(NullNode.getInstance(), mediaType, List.of());
            }
            JsonNode payload = NullNode.getInstance();
            List<Multipart.Part> files = new ArrayList<>();
            for (Multipart.Part part : parts) {
                if ("payload_json".equals(part.name())) {
                    try {
                        payload = emulator.json.readTree(part.text());
                    } catch (Exception e) {
                        problems.add("payload_json is not JSON: " + e.getMessage());
                    }
                } else if (part.name() != null && part.name().matches("files\\[\\d+]")) {
                    files.add(part);
                } else {
                    problems.add("unexpected multipart part '" + part.name() + "' (Discord takes payload_json and "
                            + "files[n])");
                }
            }
            return new Body(payload, mediaType, files);
        }
        if (mediaType.equals("application/json")) {
            try {
                JsonNode json = emulator.json.readTree(new String(raw.body(), StandardCharsets.UTF_8));
                return new Body(json == null ? NullNode.getInstance() : json, mediaType, List.of());
            } catch (Exception e) {
                problems.add("body is not JSON: " + e.getMessage());
                return new Body(NullNode.getInstance(), mediaType, List.of());
            }
        }
        problems.add("body of " + raw.body().length + " bytes with Content-Type '" + contentType
                + "'; Discord takes application/json or multipart/form-data");
        return new Body(NullNode.getInstance(), null, List.of());
    }

    private void checkBody(Operation op, RawRequest raw, Body body, List<String> problems) {
        if (body.mediaType() != null) {
            if (!spec.acceptsBody(op)) {
                problems.add("sends a body, but " + op.operationId() + " takes none");
            } else if (!body.json().isNull() || body.mediaType().equals("application/json")) {
                for (String error : spec.validateRequest(op, body.mediaType(), body.json())) {
                    problems.add("body does not match Discord's OpenAPI schema: " + error);
                }
            }
        } else if (raw.body().length == 0 && spec.requiresBody(op)) {
            problems.add(op.operationId() + " requires a JSON body; none was sent");
        }
        JsonNode json = body.json();
        switch (op.operationId()) {
            case "create_message", "update_message", "execute_webhook", "update_original_webhook_message",
                    "update_webhook_message" -> {
                problems.addAll(MessageLimits.check(json, ""));
                problems.addAll(ComponentLimits.checkMessage(json, ""));
            }
            case "create_interaction_response" -> {
                if (json.path("type").asInt() == 9) {
                    problems.addAll(ComponentLimits.checkModal(json.get("data"), "data."));
                } else {
                    problems.addAll(MessageLimits.check(json.path("data"), "data."));
                    problems.addAll(ComponentLimits.checkMessage(json.path("data"), "data."));
                }
            }
            default -> {
                // no message body
            }
        }
    }

    private Reply checkAuthorization(Operation op, Map<String, String> headers, List<String> problems) {
        String authorization = headers.get("authorization");
        if (authorization != null) {
            if (emulator.tokenRejected()) {
                return error(401, 0, "401: Unauthorized", null);
            }
            if (!authorization.equals("Bot " + DiscordEmulator.TOKEN)) {
                problems.add("Authorization is '" + authorization + "'; expected 'Bot " + DiscordEmulator.TOKEN + "'");
                return error(401, 0, "401: Unauthorized", null);
            }
        } else if (op.authRequired()) {
            problems.add("no Authorization header; " + op.operationId() + " needs 'Bot <token>'");
            return error(401, 0, "401: Unauthorized", null);
        }
        return null;
    }

    private static Reply invalidFormBody(List<String> problems) {
        ObjectNode body = errorBody(50035, "Invalid Form Body");
        ArrayNode errors = body.putObject("errors").putArray("_errors");
        problems.forEach(p -> errors.addObject().put("code", "BASE_TYPE_INVALID").put("message", p));
        return new Reply(400, body, null);
    }

    private static ObjectNode errorBody(int code, String message) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    /** A Discord error answer; {@code violation} non-null if the bot should not have sent the request. */
    static Reply error(int status, int code, String message, String violation) {
        return new Reply(status, errorBody(code, message), violation);
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body, null);
    }

    private static Reply noContent() {
        return new Reply(204, null, null);
    }

    // ======================================================================================= routes

    private Reply route(Match m, Body body, String query) {
        Operation op = m.operation();
        return switch (op.operationId()) {
            case "get_gateway" -> ok(emulator.json.createObjectNode().put("url", emulator.gatewayUrl()));
            case "get_bot_gateway" -> botGateway();
            case "get_my_oauth2_application", "get_my_application" -> ok(application());
            case "get_my_user" -> ok(emulator.botUserJson());
            case "get_user" -> getUser(m);
            case "list_application_commands" -> listCommands(m, false);
            case "list_guild_application_commands" -> listCommands(m, true);
            case "bulk_set_application_commands" -> bulkSetCommands(m, body.json(), false);
            case "bulk_set_guild_application_commands" -> bulkSetCommands(m, body.json(), true);
            case "create_application_command" -> createCommand(m, body.json(), false);
            case "create_guild_application_command" -> createCommand(m, body.json(), true);
            case "get_application_command" -> getCommand(m, false);
            case "get_guild_application_command" -> getCommand(m, true);
            case "update_application_command" -> updateCommand(m, body.json(), false);
            case "update_guild_application_command" -> updateCommand(m, body.json(), true);
            case "delete_application_command" -> deleteCommand(m, false);
            case "delete_guild_application_command" -> deleteCommand(m, true);
            case "create_interaction_response" -> interactionCallback(m, body, query);
            case "get_original_webhook_message" -> getWebhookMessage(m, true);
            case "update_original_webhook_message" -> updateWebhookMessage(m, body, true);
            case "delete_original_webhook_message" -> deleteWebhookMessage(m, true);
            case "execute_webhook" -> executeWebhook(m, body);
            case "get_webhook_message" -> getWebhookMessage(m, false);
            case "update_webhook_message" -> updateWebhookMessage(m, body, false);
            case "delete_webhook_message" -> deleteWebhookMessage(m, false);
            case "create_message" -> createMessage(m, body);
            case "get_message" -> getMessage(m);
            case "list_messages" -> listMessages(m, query);
            case "update_message" -> updateMessage(m, body);
            case "delete_message" -> deleteMessage(m);
            case "trigger_typing_indicator" -> typing(m);
            case "add_my_message_reaction", "delete_my_message_reaction" -> reaction(m);
            case "get_channel" -> getChannel(m);
            case "create_dm" -> createDirectChannel(body.json());
            case "create_thread_from_message" -> emulator.threads.startFromMessage(m, body.json());
            default -> error(404, 0, "404: Not Found", "Discord has " + op.operationId()
                    + ", but the emulator does not emulate it; add it to RestApi if the bot needs it");
        };
    }

    private Reply botGateway() {
        ObjectNode body = emulator.json.createObjectNode();
        body.put("url", emulator.gatewayUrl());
        body.put("shards", emulator.recommendedShards());
        body.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                .put("reset_after", 14_400_000).put("max_concurrency", 1);
        return ok(body);
    }

    private ObjectNode application() {
        ObjectNode app = emulator.json.createObjectNode();
        app.put("id", id(APPLICATION_ID));
        app.put("name", DiscordEmulator.BOT_USERNAME);
        app.putNull("icon");
        app.put("description", "");
        app.putNull("type");
        app.set("bot", emulator.userJson(APPLICATION_ID));
        app.put("bot_public", false);
        app.put("bot_require_code_grant", false);
        app.put("verify_key", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        app.put("flags", 1 << 19 | 1 << 23);
        app.put("flags_new", Integer.toString(1 << 19 | 1 << 23));
        app.putArray("redirect_uris");
        app.putNull("interactions_endpoint_url");
        app.putNull("role_connections_verification_url");
        ObjectNode owner = emulator.userJson(APPLICATION_OWNER_ID);
        owner.put("username", "footnote-dev").put("global_name", "footnote-dev");
        app.set("owner", owner);
        app.put("approximate_guild_count", emulator.guilds().size());
        app.put("approximate_user_install_count", 0);
        app.put("approximate_user_authorization_count", 0);
        app.put("explicit_content_filter", 0);
        app.putNull("team");
        app.putArray("eligible_oauth2_scopes").add("bot").add("applications.commands");
        app.putArray("rpc_origins");
        app.putArray("tags");
        return app;
    }

    private Reply getUser(Match m) {
        long userId = parseId(m.param("user_id"));
        if (!emulator.knowsUser(userId)) {
            return error(404, 10013, "Unknown User", null);
        }
        return ok(emulator.userJson(userId));
    }

    // ---------------------------------------------------------------------------------- commands

    private Reply commandScope(Match m, boolean guild, java.util.function.LongFunction<Reply> then) {
        if (parseId(m.param("application_id")) != APPLICATION_ID) {
            return error(403, 50001, "Missing Access", "application id " + m.param("application_id")
                    + " is not the bot's (" + APPLICATION_ID + ")");
        }
        long scope = 0;
        if (guild) {
            scope = parseId(m.param("guild_id"));
            if (!emulator.guilds().containsKey(scope)) {
                return error(403, 50001, "Missing Access", "guild " + m.param("guild_id")
                        + " is not a guild the bot is in");
            }
        }
        return then.apply(scope);
    }

    private Reply listCommands(Match m, boolean guild) {
        return commandScope(m, guild, scope -> {
            ArrayNode out = emulator.json.createArrayNode();
            commands.getOrDefault(scope, List.of()).forEach(c -> out.add(c.deepCopy()));
            return ok(out);
        });
    }

    private Reply bulkSetCommands(Match m, JsonNode body, boolean guild) {
        return commandScope(m, guild, scope -> {
            List<String> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode command : body) {
                problems.addAll(commandProblems(command));
                String key = command.path("type").asInt(1) + ":" + command.path("name").asText();
                if (!seen.add(key)) {
                    problems.add("two commands of type " + command.path("type").asInt(1) + " are named '"
                            + command.path("name").asText() + "'; names must be unique");
                }
            }
            if (!problems.isEmpty()) {
                return commandError(problems);
            }
            List<ObjectNode> old = commands.getOrDefault(scope, List.of());
            List<ObjectNode> now = new ArrayList<>();
            for (JsonNode command : body) {
                now.add(commandResponse(command, scope, existingId(old, command)));
            }
            commands.put(scope, now);
            ArrayNode out = emulator.json.createArrayNode();
            now.forEach(c -> out.add(c.deepCopy()));
            return ok(out);
        });
    }

    private Reply createCommand(Match m, JsonNode body, boolean guild) {
        return commandScope(m, guild, scope -> {
            List<String> problems = commandProblems(body);
            if (!problems.isEmpty()) {
                return commandError(problems);
            }
            List<ObjectNode> list = commands.computeIfAbsent(scope, s -> new ArrayList<>());
            Long existing = existingId(list, body);
            ObjectNode command = commandResponse(body, scope, existing);
            list.removeIf(c -> c.path("id").asLong() == command.path("id").asLong());
            list.add(command);
            return new Reply(existing == null ? 201 : 200, command.deepCopy(), null);
        });
    }

    private Reply getCommand(Match m, boolean guild) {
        return commandScope(m, guild, scope -> findCommand(scope, m.param("command_id"))
                .map(c -> ok(c.deepCopy()))
                .orElseGet(() -> error(404, 10063, "Unknown application command", null)));
    }

    private Reply updateCommand(Match m, JsonNode body, boolean guild) {
        return commandScope(m, guild, scope -> {
            Optional<ObjectNode> found = findCommand(scope, m.param("command_id"));
            if (found.isEmpty()) {
                return error(404, 10063, "Unknown application command", "no command " + m.param("command_id"));
            }
            ObjectNode merged = found.get().deepCopy();
            body.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            List<String> problems = commandProblems(merged);
            if (!problems.isEmpty()) {
                return commandError(problems);
            }
            ObjectNode command = commandResponse(merged, scope, found.get().path("id").asLong());
            List<ObjectNode> list = commands.get(scope);
            list.set(list.indexOf(found.get()), command);
            return ok(command.deepCopy());
        });
    }

    private Reply deleteCommand(Match m, boolean guild) {
        return commandScope(m, guild, scope -> {
            Optional<ObjectNode> found = findCommand(scope, m.param("command_id"));
            if (found.isEmpty()) {
                return error(404, 10063, "Unknown application command", "no command " + m.param("command_id"));
            }
            commands.get(scope).remove(found.get());
            return noContent();
        });
    }

    private Optional<ObjectNode> findCommand(long scope, String commandId) {
        return commands.getOrDefault(scope, List.of()).stream()
                .filter(c -> c.path("id").asText().equals(commandId)).findFirst();
    }

    private static Long existingId(List<ObjectNode> list, JsonNode command) {
        for (ObjectNode c : list) {
            if (c.path("name").asText().equals(command.path("name").asText())
                    && c.path("type").asInt(1) == command.path("type").asInt(1)) {
                return c.path("id").asLong();
            }
        }
        return null;
    }

    private Reply commandError(List<String> problems) {
        ObjectNode body = errorBody(50035, "Invalid Form Body");
        ArrayNode errors = body.putObject("errors").putArray("_errors");
        problems.forEach(p -> errors.addObject().put("code", "APPLICATION_COMMAND_INVALID").put("message", p));
        return new Reply(400, body, String.join("; ", problems));
    }

    /** The command as Discord stores and returns it. */
    private ObjectNode commandResponse(JsonNode request, long scope, Long existingId) {
        ObjectNode c = emulator.json.createObjectNode();
        int type = request.path("type").asInt(1);
        c.put("id", id(existingId != null ? existingId : emulator.nextId()));
        c.put("application_id", id(APPLICATION_ID));
        c.put("version", id(emulator.nextId()));
        JsonNode perms = request.get("default_member_permissions");
        if (perms == null || perms.isNull()) {
            c.putNull("default_member_permissions");
        } else {
            c.put("default_member_permissions", perms.asText());
        }
        c.put("type", type);
        c.put("name", request.path("name").asText());
        copyIfPresent(request, c, "name_localizations");
        c.put("description", request.path("description").asText(""));
        copyIfPresent(request, c, "description_localizations");
        if (scope != 0) {
            c.put("guild_id", id(scope));
        } else {
            c.put("dm_permission", request.path("dm_permission").asBoolean(true));
            c.putArray("integration_types").add(0);
            ArrayNode contexts = c.putArray("contexts");
            contexts.add(0);
            if (request.path("dm_permission").asBoolean(true)) {
                contexts.add(1).add(2);
            }
        }
        c.put("nsfw", request.path("nsfw").asBoolean(false));
        if (request.path("options").isArray() && !request.path("options").isEmpty()) {
            c.set("options", stripNulls(request.get("options")));
        }
        return c;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }

    /** Semantic rules Discord applies to a command beyond its schema. */
    private List<String> commandProblems(JsonNode command) {
        List<String> problems = new ArrayList<>();
        if (!command.isObject()) {
            problems.add("a command must be an object");
            return problems;
        }
        int type = command.path("type").asInt(1);
        String name = command.path("name").asText("");
        String description = command.path("description").asText("");
        if (type == 1) {
            checkChatInputName(name, "command", problems);
            if (description.isEmpty() || description.length() > 100) {
                problems.add("command '" + name + "': a slash command needs a description of 1 to 100 characters");
            }
            int[] total = {name.length() + description.length()};
            checkOptions(command.path("options"), "command '" + name + "'", 0, problems, total);
            if (total[0] > COMMAND_TOTAL_CHARACTERS) {
                problems.add("command '" + name + "': names, descriptions and choices total " + total[0]
                        + " characters; at most " + COMMAND_TOTAL_CHARACTERS);
            }
        } else {
            if (!description.isEmpty()) {
                problems.add("command '" + name + "': a user or message command must have an empty description");
            }
            if (command.path("options").isArray() && !command.path("options").isEmpty()) {
                problems.add("command '" + name + "': a user or message command cannot have options");
            }
        }
        return problems;
    }

    private void checkOptions(JsonNode options, String where, int depth, List<String> problems, int[] total) {
        if (!options.isArray()) {
            return;
        }
        boolean optionalSeen = false;
        boolean hasSub = false;
        boolean hasValue = false;
        Set<String> names = new HashSet<>();
        for (JsonNode option : options) {
            int type = option.path("type").asInt();
            String name = option.path("name").asText("");
            String at = where + " option '" + name + "'";
            checkChatInputName(name, at, problems);
            if (!names.add(name)) {
                problems.add(where + ": two options are named '" + name + "'");
            }
            String description = option.path("description").asText("");
            total[0] += name.length() + description.length();
            if (description.isEmpty() || description.length() > 100) {
                problems.add(at + ": needs a description of 1 to 100 characters");
            }
            if (type == 1 || type == 2) {
                hasSub = true;
                if (depth >= (type == 2 ? 1 : 2)) {
                    problems.add(at + ": subcommands nest at most as command > group > subcommand");
                }
                if (type == 2) {
                    for (JsonNode child : option.path("options")) {
                        if (child.path("type").asInt() != 1) {
                            problems.add(at + ": a subcommand group may only contain subcommands");
                        }
                    }
                }
                checkOptions(option.path("options"), at, depth + 1, problems, total);
                continue;
            }
            hasValue = true;
            boolean required = option.path("required").asBoolean(false);
            if (required && optionalSeen) {
                problems.add(at + ": required options must come before optional ones");
            }
            optionalSeen |= !required;
            JsonNode choices = option.path("choices");
            if (choices.isArray()) {
                if (choices.size() > 25) {
                    problems.add(at + ": at most 25 choices");
                }
                if (option.path("autocomplete").asBoolean(false) && !choices.isEmpty()) {
                    problems.add(at + ": autocomplete cannot be combined with choices");
                }
                for (JsonNode choice : choices) {
                    total[0] += choice.path("name").asText("").length() + choice.path("value").asText("").length();
                }
            }
        }
        if (hasSub && hasValue) {
            problems.add(where + ": subcommands cannot be mixed with other options at the same level");
        }
    }

    private static void checkChatInputName(String name, String what, List<String> problems) {
        if (!CHAT_INPUT_NAME.matcher(name).matches()) {
            problems.add(what + ": name '" + name + "' must be 1 to 32 letters, digits, '-' or '_'");
        } else if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            problems.add(what + ": name '" + name + "' must be lower case");
        }
    }

    /** The command the bot registered under this name for the guild, or globally. Call under lock. */
    Optional<ObjectNode> registeredCommand(long guildId, String name) {
        for (long scope : new long[] {guildId, 0}) {
            for (ObjectNode c : commands.getOrDefault(scope, List.of())) {
                if (c.path("type").asInt(1) == 1 && c.path("name").asText().equals(name)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Builds {@code data.options} for an interaction from a test's option map, checked against the registered
     * command if there is one.
     *
     * @throws IllegalArgumentException if the options do not fit the registered command
     */
    ArrayNode interactionOptions(ObjectNode registered, String command, String subcommand,
                                 Map<String, Object> options) {
        JsonNode definitions = null;
        if (registered != null) {
            definitions = registered.path("options");
            boolean hasSubcommands = false;
            for (JsonNode def : definitions) {
                hasSubcommands |= def.path("type").asInt() == 1 || def.path("type").asInt() == 2;
            }
            if (subcommand != null) {
                JsonNode sub = null;
                String[] path = subcommand.split(" ", 2);
                JsonNode level = definitions;
                if (path.length == 2) {
                    // "group sub": a subcommand inside a subcommand group (type 2).
                    level = null;
                    for (JsonNode def : definitions) {
                        if (def.path("type").asInt() == 2 && def.path("name").asText().equals(path[0])) {
                            level = def.path("options");
                        }
                    }
                }
                if (level != null) {
                    for (JsonNode def : level) {
                        if (def.path("type").asInt() == 1 && def.path("name").asText().equals(path[path.length - 1])) {
                            sub = def;
                        }
                    }
                }
                if (sub == null) {
                    throw new IllegalArgumentException("/" + command + " has no subcommand '" + subcommand
                            + "' in the bot's registration: " + registered);
                }
                definitions = sub.path("options");
            } else if (hasSubcommands) {
                throw new IllegalArgumentException("/" + command + " is registered with subcommands; name one");
            }
        }
        ArrayNode values = emulator.json.createArrayNode();
        for (Map.Entry<String, Object> entry : options.entrySet()) {
            int type;
            Object value = entry.getValue();
            if (value instanceof DiscordEmulator.OptionValue typed) {
                type = typed.type();
                value = typed.value();
            } else {
                type = inferType(value);
            }
            if (definitions != null) {
                JsonNode def = null;
                for (JsonNode d : definitions) {
                    if (d.path("name").asText().equals(entry.getKey())) {
                        def = d;
                    }
                }
                if (def == null) {
                    throw new IllegalArgumentException("/" + command + (subcommand == null ? "" : " " + subcommand)
                            + " has no option '" + entry.getKey() + "' in the bot's registration");
                }
                type = def.path("type").asInt();
            }
            ObjectNode option = values.addObject();
            option.put("name", entry.getKey());
            option.put("type", type);
            putValue(option, type, value, entry.getKey());
        }
        if (definitions != null) {
            for (JsonNode def : definitions) {
                if (def.path("required").asBoolean(false) && !options.containsKey(def.path("name").asText())) {
                    throw new IllegalArgumentException("/" + command + (subcommand == null ? "" : " " + subcommand)
                            + " requires option '" + def.path("name").asText() + "'");
                }
            }
        }
        if (subcommand == null) {
            return values;
        }
        ArrayNode wrapped = emulator.json.createArrayNode();
        String[] path = subcommand.split(" ", 2);
        ObjectNode parent = path.length == 2
                ? wrapped.addObject().put("name", path[0]).put("type", 2).putArray("options").addObject()
                : wrapped.addObject();
        ObjectNode sub = parent.put("name", path[path.length - 1]).put("type", 1);
        if (!values.isEmpty()) {
            sub.set("options", values);
        }
        return wrapped;
    }

    private static int inferType(Object value) {
        if (value instanceof String) {
            return 3;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return 4;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Double || value instanceof Float) {
            return 10;
        }
        throw new IllegalArgumentException("cannot tell the option type of " + value
                + "; use DiscordEmulator.OptionValue");
    }

    private static void putValue(ObjectNode option, int type, Object value, String name) {
        try {
            switch (type) {
                case 3 -> option.put("value", String.valueOf(value));
                case 4 -> option.put("value", value instanceof Number n
                        ? n.longValue() : Long.parseLong(value.toString()));
                case 5 -> option.put("value", value instanceof Boolean b
                        ? b.booleanValue() : Boolean.parseBoolean(value.toString()));
                case 6, 7, 8, 9, 11 -> option.put("value", value instanceof Number n
                        ? Long.toUnsignedString(n.longValue()) : value.toString());
                case 10 -> option.put("value", value instanceof Number n ? n.doubleValue()
                        : Double.parseDouble(value.toString()));
                default -> throw new IllegalArgumentException("option '" + name + "' has type " + type
                        + ", which carries no value");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' of type " + type + " cannot hold " + value, e);
        }
    }

    // ---------------------------------------------------------------------------------- interactions

    private Reply interactionCallback(Match m, Body body, String query) {
        InteractionState state = emulator.interactions.get(parseId(m.param("interaction_id")));
        if (state == null || !state.token.equals(m.param("interaction_token"))) {
            return error(404, 10062, "Unknown interaction", "no interaction with this id and token");
        }
        long elapsedMs = (System.nanoTime() - state.createdNanos) / 1_000_000;
        if (state.callbackType != 0) {
            return error(400, 40060, "Interaction has already been acknowledged.",
                    "second callback for interaction " + state.id + " (the first had type " + state.callbackType
                            + "); later changes go through PATCH .../messages/@original or follow-ups");
        }
        if (elapsedMs > emulator.interactionCallbackDeadline().toMillis()) {
            return error(404, 10062, "Unknown interaction", "callback " + elapsedMs + " ms after the interaction; "
                    + "Discord allows " + emulator.interactionCallbackDeadline().toMillis() + " ms (defer with type 5 "
                    + "and edit later for slow answers)");
        }
        JsonNode request = body.json();
        int type = request.path("type").asInt();
        JsonNode data = request.path("data");
        String refusal = ComponentInteractions.callbackRefusal(state, type);
        if (refusal != null) {
            return error(400, 50035, "Invalid Form Body", refusal);
        }
        GuildSpec guild = emulator.guilds().get(state.guildId);
        switch (type) {
            case 4 -> {
                if (MessageLimits.isEmptyMessage(data, body.files().size())) {
                    return error(400, 50006, "Cannot send an empty message", "type-4 callback without content, "
                            + "embeds, components or files");
                }
                ObjectNode message = interactionMessage(state, guild, data, body.files(), false);
                state.originalMessageId = message.path("id").asLong();
                state.lastTouched = state.originalMessageId;
                emulator.messages.put(state.originalMessageId, message);
                emulator.sendMessageEvent("MESSAGE_CREATE", guild, message, emulator.botUserId());
            }
            case 5 -> {
                ObjectNode message = interactionMessage(state, guild, emulator.json.createObjectNode(), List.of(),
                        true);
                message.put("flags", FLAG_LOADING | (data.path("flags").asInt(0) & FLAG_EPHEMERAL));
                state.originalMessageId = message.path("id").asLong();
                state.originalLoading = true;
                state.lastTouched = state.originalMessageId;
                emulator.messages.put(state.originalMessageId, message);
                emulator.sendMessageEvent("MESSAGE_CREATE", guild, message, emulator.botUserId());
            }
            case 6 -> state.originalMessageId = state.componentMessageId; // acknowledged; nothing visible changes
            case 7 -> {
                Reply refused = updateComponentMessage(state, guild, body);
                if (refused != null) {
                    return refused;
                }
            }
            default -> {
                // 9, a modal: the member sees it; nothing is posted until they submit it
                state.modal = (ObjectNode) numberComponents(stripNulls(data), new int[] {1});
            }
        }
        state.callbackType = type;
        emulator.lock.notifyAll();
        return query.contains("with_response=true") ? ok(callbackResource(state, type)) : noContent();
    }

    /** A type-7 callback: the message the component is on takes the callback's content, as an edit would. */
    private Reply updateComponentMessage(InteractionState state, GuildSpec guild, Body body) {
        ObjectNode message = emulator.messages.get(state.componentMessageId);
        if (message == null) {
            return error(404, 10008, "Unknown Message", "update of message " + state.componentMessageId
                    + ", which no longer exists");
        }
        ObjectNode edited = message.deepCopy();
        applyContent(edited, guild, body.json().path("data"), body.files(), false);
        if (MessageLimits.isEmptyMessage(edited, 0)) {
            return error(400, 50006, "Cannot send an empty message", "the update leaves the message empty");
        }
        edited.put("edited_timestamp", DiscordEmulator.timestamp());
        emulator.messages.put(state.componentMessageId, edited);
        state.originalMessageId = state.componentMessageId;
        state.lastTouched = state.componentMessageId;
        emulator.sendMessageEvent("MESSAGE_UPDATE", guild, edited, emulator.botUserId());
        return null;
    }

    /** The body of a callback sent with {@code ?with_response=true}. */
    private ObjectNode callbackResource(InteractionState state, int type) {
        ObjectNode out = emulator.json.createObjectNode();
        ObjectNode interaction = out.putObject("interaction");
        interaction.put("id", id(state.id));
        interaction.put("type", state.type);
        if (state.originalMessageId != null && emulator.messages.containsKey(state.originalMessageId)) {
            ObjectNode message = emulator.messages.get(state.originalMessageId);
            interaction.put("response_message_id", id(state.originalMessageId));
            interaction.put("response_message_loading", state.originalLoading);
            interaction.put("response_message_ephemeral", (message.path("flags").asInt() & FLAG_EPHEMERAL) != 0);
            out.putObject("resource").put("type", type).set("message", message.deepCopy());
        }
        return out;
    }

    /** A message posted by the bot's application through an interaction (original response or follow-up). */
    private ObjectNode interactionMessage(InteractionState state, GuildSpec guild, JsonNode data,
                                          List<Multipart.Part> files, boolean loading) {
        boolean command = state.type == ComponentInteractions.APPLICATION_COMMAND;
        ObjectNode message = emulator.newMessage(state.channelId, emulator.userJson(emulator.botUserId()), "",
                command ? MESSAGE_TYPE_CHAT_INPUT_COMMAND : MESSAGE_TYPE_DEFAULT);
        message.put("webhook_id", id(APPLICATION_ID));
        message.put("application_id", id(APPLICATION_ID));
        if (command) {
            // the deprecated interaction field names a command; Discord leaves it off for components and modals
            ObjectNode interaction = message.putObject("interaction");
            interaction.put("id", id(state.id));
            interaction.put("type", 2);
            interaction.put("name", state.commandName);
            interaction.set("user", emulator.userJson(state.userId));
        }
        message.set("interaction_metadata", emulator.components.metadata(state));
        if (!loading) {
            applyContent(message, guild, data, files, true);
            message.put("flags", data.path("flags").asInt(0) & (FLAG_EPHEMERAL | 4 | 4096));
        }
        return message;
    }

    /** The interaction whose webhook this is (application id and interaction token), or null. */
    private InteractionState webhookInteraction(Match m) {
        if (parseId(m.param("webhook_id")) != APPLICATION_ID) {
            return null;
        }
        String token = m.param("webhook_token");
        for (InteractionState state : emulator.interactions.values()) {
            if (state.token.equals(token)) {
                return state;
            }
        }
        return null;
    }

    private Reply unknownWebhook(Match m) {
        return error(404, 10015, "Unknown Webhook", "webhook " + m.param("webhook_id")
                + " with this token is no interaction of this application (the webhook id must be the application id)");
    }

    /** The interaction's message addressed by {@code @original} or {@code {message_id}}, or null. */
    private Long interactionMessageId(InteractionState state, Match m, boolean original) {
        if (original) {
            return state.originalMessageId;
        }
        long messageId = parseId(m.param("message_id"));
        if (state.followups.contains(messageId) || Long.valueOf(messageId).equals(state.originalMessageId)) {
            return messageId;
        }
        return null;
    }

    private Reply getWebhookMessage(Match m, boolean original) {
        InteractionState state = webhookInteraction(m);
        if (state == null) {
            return unknownWebhook(m);
        }
        Long messageId = interactionMessageId(state, m, original);
        if (messageId == null || !emulator.messages.containsKey(messageId)) {
            return error(404, 10008, "Unknown Message", null);
        }
        return ok(emulator.messages.get(messageId).deepCopy());
    }

    private Reply updateWebhookMessage(Match m, Body body, boolean original) {
        InteractionState state = webhookInteraction(m);
        if (state == null) {
            return unknownWebhook(m);
        }
        Long messageId = interactionMessageId(state, m, original);
        if (messageId == null || !emulator.messages.containsKey(messageId)) {
            return error(404, 10008, "Unknown Message", original
                    ? "edit of @original before the interaction was answered with a type 4 or 5 callback"
                    : "no message " + m.param("message_id") + " belongs to this interaction");
        }
        GuildSpec guild = emulator.guilds().get(state.guildId);
        ObjectNode message = emulator.messages.get(messageId);
        boolean wasLoading = state.originalLoading && messageId.equals(state.originalMessageId);
        ObjectNode edited = message.deepCopy();
        applyContent(edited, guild, body.json(), body.files(), false);
        if (MessageLimits.isEmptyMessage(edited, 0)) {
            return error(400, 50006, "Cannot send an empty message", "the edit leaves the message empty");
        }
        if (wasLoading) {
            edited.put("flags", edited.path("flags").asInt() & ~FLAG_LOADING);
            state.originalLoading = false;
        } else {
            edited.put("edited_timestamp", DiscordEmulator.timestamp());
        }
        emulator.messages.put(messageId, edited);
        state.lastTouched = messageId;
        emulator.sendMessageEvent("MESSAGE_UPDATE", guild, edited, emulator.botUserId());
        emulator.lock.notifyAll();
        return ok(edited.deepCopy());
    }

    private Reply deleteWebhookMessage(Match m, boolean original) {
        InteractionState state = webhookInteraction(m);
        if (state == null) {
            return unknownWebhook(m);
        }
        Long messageId = interactionMessageId(state, m, original);
        if (messageId == null || !emulator.messages.containsKey(messageId)) {
            return error(404, 10008, "Unknown Message", "no such message of this interaction");
        }
        ObjectNode message = emulator.messages.remove(messageId);
        if (messageId.equals(state.lastTouched)) {
            state.lastTouched = null;
        }
        messageDeleted(message, emulator.guilds().get(state.guildId));
        return noContent();
    }

    private Reply executeWebhook(Match m, Body body) {
        InteractionState state = webhookInteraction(m);
        if (state == null) {
            return unknownWebhook(m);
        }
        if (state.callbackType == 0 || state.callbackType == 9) {
            return error(404, 10015, "Unknown Webhook", "follow-up message before the interaction was answered "
                    + "with a type 4, 5, 6 or 7 callback");
        }
        if (MessageLimits.isEmptyMessage(body.json(), body.files().size())) {
            return error(400, 50006, "Cannot send an empty message", "follow-up without content, embeds, "
                    + "components or files");
        }
        GuildSpec guild = emulator.guilds().get(state.guildId);
        if (state.originalLoading) {
            // Discord: the first follow-up after a deferral replaces the "thinking..." original response.
            ObjectNode message = emulator.messages.get(state.originalMessageId).deepCopy();
            applyContent(message, guild, body.json(), body.files(), true);
            message.put("flags", message.path("flags").asInt() & FLAG_EPHEMERAL);
            state.originalLoading = false;
            state.lastTouched = state.originalMessageId;
            emulator.messages.put(state.originalMessageId, message);
            emulator.sendMessageEvent("MESSAGE_UPDATE", guild, message, emulator.botUserId());
            emulator.lock.notifyAll();
            return ok(message.deepCopy());
        }
        ObjectNode message = interactionMessage(state, guild, body.json(), body.files(), false);
        long messageId = message.path("id").asLong();
        emulator.messages.put(messageId, message);
        state.followups.add(messageId);
        state.lastTouched = messageId;
        emulator.sendMessageEvent("MESSAGE_CREATE", guild, message, emulator.botUserId());
        emulator.lock.notifyAll();
        return ok(message.deepCopy());
    }

    // ---------------------------------------------------------------------------------- channel messages

    /** {@code POST /users/@me/channels}: the bot opens a direct-message channel with a member. */
    private Reply createDirectChannel(JsonNode request) {
        long userId = request.path("recipient_id").asLong();
        if (!emulator.knowsUser(userId) || userId == emulator.botUserId()) {
            return error(400, 50007, "Cannot send messages to this user", "no such user " + userId);
        }
        ObjectNode channel = emulator.json.createObjectNode();
        channel.put("id", id(emulator.directChannel(userId)));
        channel.put("type", 1);
        channel.putNull("last_message_id");
        channel.put("flags", 0);
        channel.putArray("recipients").add(emulator.userJson(userId));
        return ok(channel);
    }

    /** A message in a direct-message channel: no guild, no mentions to resolve, nothing dispatched back. */
    private Reply createDirectMessage(long channelId, Body body) {
        JsonNode request = body.json();
        if (MessageLimits.isEmptyMessage(request, body.files().size())) {
            return error(400, 50006, "Cannot send an empty message", "message without content");
        }
        ObjectNode message = emulator.newMessage(channelId, emulator.userJson(emulator.botUserId()),
                request.path("content").asText(""), MESSAGE_TYPE_DEFAULT);
        emulator.messages.put(message.path("id").asLong(), message);
        emulator.lock.notifyAll();
        return ok(message.deepCopy());
    }

    private Reply createMessage(Match m, Body body) {
        long channelId = parseId(m.param("channel_id"));
        if (emulator.directChannels.containsKey(channelId)) {
            return createDirectMessage(channelId, body);
        }
        Optional<GuildSpec> found = emulator.guildOfChannel(channelId);
        if (found.isEmpty()) {
            return error(404, 10003, "Unknown Channel", "channel " + m.param("channel_id") + " does not exist");
        }
        GuildSpec guild = found.get();
        long perms = guild.permissionsOf(emulator.botUserId());
        if ((perms & DiscordEmulator.VIEW_CHANNEL) == 0) {
            return error(403, 50001, "Missing Access", "the bot cannot see channel " + channelId);
        }
        boolean thread = guild.threads().containsKey(channelId);
        if ((perms & (thread ? DiscordEmulator.SEND_MESSAGES_IN_THREADS : DiscordEmulator.SEND_MESSAGES)) == 0) {
            return error(403, 50013, "Missing Permissions", "the bot may not send messages in " + channelId
                    + (thread ? " (a thread: SEND_MESSAGES_IN_THREADS)" : ""));
        }
        JsonNode request = body.json();
        if (MessageLimits.isEmptyMessage(request, body.files().size())) {
            return error(400, 50006, "Cannot send an empty message", "message without content, embeds, components, "
                    + "stickers or files");
        }
        ObjectNode message = emulator.newMessage(channelId, emulator.userJson(emulator.botUserId()), "",
                MESSAGE_TYPE_DEFAULT);
        JsonNode reference = request.path("message_reference");
        Long repliedAuthor = null;
        if (reference.hasNonNull("message_id")) {
            long referencedId = reference.path("message_id").asLong();
            ObjectNode referenced = emulator.messages.get(referencedId);
            if (referenced == null || !referenced.path("channel_id").asText().equals(id(channelId))) {
                if (reference.path("fail_if_not_exists").asBoolean(true)) {
                    return error(400, 50035, "Invalid Form Body", "reply to message " + referencedId
                            + ", which is not in channel " + channelId);
                }
            } else {
                message.put("type", MESSAGE_TYPE_REPLY);
                message.putObject("message_reference").put("type", 0).put("channel_id", id(channelId))
                        .put("message_id", id(referencedId)).put("guild_id", id(guild.id()));
                message.set("referenced_message", referenced.deepCopy());
                JsonNode allowed = request.get("allowed_mentions");
                boolean pingReplied = allowed == null || allowed.isNull()
                        || allowed.path("replied_user").asBoolean(false);
                if (pingReplied) {
                    repliedAuthor = referenced.path("author").path("id").asLong();
                }
            }
        }
        if (request.hasNonNull("nonce")) {
            message.set("nonce", request.get("nonce"));
        }
        message.put("tts", request.path("tts").asBoolean(false));
        message.put("flags", request.path("flags").asInt(0) & (4 | 4096));
        applyContent(message, guild, request, body.files(), true);
        if (repliedAuthor != null && guild.members().containsKey(repliedAuthor)) {
            ArrayNode mentions = message.withArrayProperty("mentions");
            String replied = id(repliedAuthor);
            boolean listed = false;
            for (JsonNode user : mentions) {
                listed |= user.path("id").asText().equals(replied);
            }
            if (!listed) {
                mentions.add(emulator.userJson(repliedAuthor));
            }
        }
        emulator.messages.put(message.path("id").asLong(), message);
        emulator.sendMessageEvent("MESSAGE_CREATE", guild, message, emulator.botUserId());
        emulator.lock.notifyAll();
        return ok(message.deepCopy());
    }

    private Reply getMessage(Match m) {
        ObjectNode message = channelMessage(m);
        return message == null ? error(404, 10008, "Unknown Message", null) : ok(message.deepCopy());
    }

    private Reply listMessages(Match m, String query) {
        long channelId = parseId(m.param("channel_id"));
        if (emulator.guildOfChannel(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel", null);
        }
        int limit = 50;
        for (String pair : query.split("&")) {
            if (pair.startsWith("limit=")) {
                try {
                    limit = Math.max(1, Math.min(100, Integer.parseInt(pair.substring(6))));
                } catch (NumberFormatException ignored) {
                    // keep the default
                }
            }
        }
        List<ObjectNode> inChannel = new ArrayList<>();
        for (ObjectNode message : emulator.messages.values()) {
            if (message.path("channel_id").asText().equals(id(channelId))) {
                inChannel.add(message);
            }
        }
        ArrayNode out = emulator.json.createArrayNode();
        for (int i = inChannel.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(inChannel.get(i).deepCopy());
        }
        return ok(out);
    }

    private Reply updateMessage(Match m, Body body) {
        ObjectNode message = channelMessage(m);
        if (message == null) {
            return error(404, 10008, "Unknown Message", "no message " + m.param("message_id") + " in channel "
                    + m.param("channel_id"));
        }
        if (message.path("author").path("id").asLong() != emulator.botUserId() || message.has("webhook_id")) {
            return error(403, 50005, "Cannot edit a message authored by another user",
                    "edit of a message the bot did not write");
        }
        GuildSpec guild = emulator.guildOfChannel(parseId(m.param("channel_id"))).orElseThrow();
        ObjectNode edited = message.deepCopy();
        applyContent(edited, guild, body.json(), body.files(), false);
        if (MessageLimits.isEmptyMessage(edited, 0)) {
            return error(400, 50006, "Cannot send an empty message", "the edit leaves the message empty");
        }
        edited.put("edited_timestamp", DiscordEmulator.timestamp());
        emulator.messages.put(edited.path("id").asLong(), edited);
        emulator.sendMessageEvent("MESSAGE_UPDATE", guild, edited, emulator.botUserId());
        emulator.lock.notifyAll();
        return ok(edited.deepCopy());
    }

    private Reply deleteMessage(Match m) {
        ObjectNode message = channelMessage(m);
        if (message == null) {
            return error(404, 10008, "Unknown Message", "no message " + m.param("message_id") + " in channel "
                    + m.param("channel_id"));
        }
        GuildSpec guild = emulator.guildOfChannel(parseId(m.param("channel_id"))).orElseThrow();
        boolean own = message.path("author").path("id").asLong() == emulator.botUserId();
        if (!own && (guild.permissionsOf(emulator.botUserId()) & DiscordEmulator.MANAGE_MESSAGES) == 0) {
            return error(403, 50013, "Missing Permissions", "deleting another user's message needs MANAGE_MESSAGES");
        }
        emulator.messages.remove(message.path("id").asLong());
        messageDeleted(message, guild);
        return noContent();
    }

    private void messageDeleted(ObjectNode message, GuildSpec guild) {
        if ((message.path("flags").asInt() & FLAG_EPHEMERAL) == 0) {
            ObjectNode d = emulator.json.createObjectNode();
            d.put("id", message.path("id").asText());
            d.put("channel_id", message.path("channel_id").asText());
            d.put("guild_id", id(guild.id()));
            emulator.gateway().dispatch(guild.id(), "MESSAGE_DELETE",
                    session -> session.hasIntent(DiscordEmulator.INTENT_GUILD_MESSAGES) ? d : null);
        }
        emulator.lock.notifyAll();
    }

    private ObjectNode channelMessage(Match m) {
        ObjectNode message = emulator.messages.get(parseId(m.param("message_id")));
        if (message == null || !message.path("channel_id").asText().equals(m.param("channel_id"))) {
            return null;
        }
        return message;
    }

    private Reply typing(Match m) {
        long channelId = parseId(m.param("channel_id"));
        if (emulator.guildOfChannel(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel", "typing in channel " + channelId + ", which does not exist");
        }
        return noContent();
    }

    private Reply reaction(Match m) {
        if (channelMessage(m) == null) {
            return error(404, 10008, "Unknown Message", "reaction on message " + m.param("message_id")
                    + ", which is not in channel " + m.param("channel_id"));
        }
        return noContent();
    }

    private Reply getChannel(Match m) {
        long channelId = parseId(m.param("channel_id"));
        return emulator.guildOfChannel(channelId)
                .map(g -> ok(emulator.anyChannelJson(g, channelId)))
                .orElseGet(() -> error(404, 10003, "Unknown Channel", null));
    }

    // ---------------------------------------------------------------------------------- message content

    /**
     * Applies the message fields of a create or edit body: content, embeds, components, attachments and, from
     * the final content and {@code allowed_mentions}, who is mentioned. For an edit ({@code create == false})
     * absent fields keep their value.
     */
    private void applyContent(ObjectNode message, GuildSpec guild, JsonNode request, List<Multipart.Part> files,
                              boolean create) {
        if (request.has("content") || create) {
            message.put("content", request.path("content").asText(""));
        }
        if (request.has("embeds") || create) {
            ArrayNode embeds = message.putArray("embeds");
            for (JsonNode embed : request.path("embeds")) {
                ObjectNode e = (ObjectNode) stripNulls(embed);
                if (!e.has("type")) {
                    e.put("type", "rich");
                }
                for (JsonNode field : e.path("fields")) {
                    if (field instanceof ObjectNode f && !f.has("inline")) {
                        f.put("inline", false);
                    }
                }
                embeds.add(e);
            }
        }
        if (request.has("components") || create) {
            ArrayNode components = message.putArray("components");
            int[] next = {1};
            for (JsonNode component : request.path("components")) {
                components.add(numberComponents(stripNulls(component), next));
            }
        }
        if (request.has("attachments") || !files.isEmpty() || create) {
            ArrayNode attachments = message.putArray("attachments");
            Map<Integer, String> descriptions = new HashMap<>();
            for (JsonNode attachment : request.path("attachments")) {
                if (attachment.hasNonNull("description")) {
                    descriptions.put(attachment.path("id").asInt(), attachment.path("description").asText());
                }
            }
            for (Multipart.Part file : files) {
                int index = Integer.parseInt(file.name().replaceAll("\\D", ""));
                long attachmentId = emulator.nextId();
                String filename = file.filename() == null ? "file" + index : file.filename();
                String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
                ObjectNode a = attachments.addObject();
                a.put("id", id(attachmentId));
                a.put("filename", filename);
                a.put("size", file.data().length);
                String path = "/attachments/" + message.path("channel_id").asText() + "/" + attachmentId + "/"
                        + encoded;
                a.put("url", "https://cdn.discordapp.com" + path);
                a.put("proxy_url", "https://media.discordapp.net" + path);
                if (file.contentType() != null) {
                    a.put("content_type", file.contentType());
                }
                if (descriptions.containsKey(index)) {
                    a.put("description", descriptions.get(index));
                }
            }
        }
        JsonNode allowed = request.get("allowed_mentions");
        DiscordEmulator.Mentions mentions = emulator.mentions(guild, message.path("content").asText(""),
                allowed == null || allowed.isNull() ? null : allowed, emulator.botUserId());
        emulator.fillMentions(message, guild, mentions);
    }

    /** Discord numbers the components of a message 1, 2, 3, ... depth first; responses carry the ids. */
    private static JsonNode numberComponents(JsonNode component, int[] next) {
        if (component instanceof ObjectNode c) {
            if (!c.has("id")) {
                c.put("id", next[0]);
            }
            next[0]++;
            for (JsonNode child : c.path("components")) {
                numberComponents(child, next);
            }
        }
        return component;
    }

    /** A copy without null-valued properties: Discord omits unset fields in what it returns. */
    private static JsonNode stripNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(RestApi::strip);
        }
    }

    private static long parseId(String value) {
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
