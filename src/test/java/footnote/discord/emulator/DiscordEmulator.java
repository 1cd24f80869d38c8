package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.discord.DiscordBot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.javacord.core.util.gateway.DiscordWebSocketAdapter;

/**
 * A stand-in for Discord on 127.0.0.1 that the real Javacord 3.8.0 client logs in to, so the bot's Discord layer
 * can be tested end to end without a network. Test code only.
 *
 * <p><b>How Javacord reaches it.</b> Javacord's REST base URL is the constant {@code https://discord.com/api/v10}.
 * {@link #proxySelector()} sends {@code discord.com} to the emulator's HTTP CONNECT proxy, which terminates TLS
 * with a {@code discord.com} certificate (trusted after {@link #prepareJavacord()}) and serves the REST API itself.
 * {@code GET /gateway} names the emulator's websocket server, which Javacord connects to directly. A test logs in
 * with
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.start()) {
 *     discord.guild(1, "Guild", 10).textChannel(2, "general").member(10, "owner");
 *     discord.prepareJavacord();
 *     DiscordApi api = new DiscordApiBuilder().setToken(DiscordEmulator.TOKEN)
 *             .setProxySelector(discord.proxySelector()).addIntents(Intent.MESSAGE_CONTENT)
 *             .setGatewayIdentifyRatelimiter(() -> { }).setShutdownHookRegistrationEnabled(false)
 *             .login().join();
 *     ...
 *     api.disconnect().join();
 * }
 * }</pre>
 *
 * <p><b>What it checks.</b> Every REST request is recorded ({@link #requests()}), and every problem with one is
 * listed in {@link #violations()}: bodies that do not match Discord's OpenAPI schema for the operation, the limits
 * Discord documents beyond the schema (2,000 characters of content, embed limits, ...), unknown endpoints, missing
 * authorization, malformed bodies, and requests Discord would refuse (unknown channel or interaction, a second
 * interaction acknowledgement, an interaction callback later than 3 s, an empty message, ...). Where Discord
 * answers with an error, so does the emulator, with Discord's status, code and message.
 *
 * <p><b>What the bot sees.</b> Gateway events follow Discord, including its intent rules: {@code MESSAGE_CREATE}
 * only with {@code GUILD_MESSAGES}, and message content empty unless the bot has {@code MESSAGE_CONTENT}, is
 * mentioned, or wrote the message. Messages the bot creates (channel messages, interaction responses and
 * follow-ups) come back to it as {@code MESSAGE_CREATE}/{@code MESSAGE_UPDATE}, as on Discord.
 *
 * <p><b>Threads.</b> The bot starts a thread from a message ({@code POST /channels/{id}/messages/{id}/threads},
 * checked by {@link Threads}: name, auto-archive duration, channel type, Create Public Threads); the thread (type 11,
 * id of the message, owned by the bot) reaches it as {@code THREAD_CREATE}, and {@link #threadsIn} lists it. Members
 * then post in it with {@link #postMessage}, and reply to any message with {@link #postReply}
 * ({@code message_reference} and {@code referenced_message}, pinging the replied-to author or not).
 * {@link #awaitMessageIn} waits for a message, in a channel or a thread. To deny the bot threads, take
 * {@link #CREATE_PUBLIC_THREADS} from {@code @everyone} ({@code guild(id).role(id, "@everyone", ...)}).
 *
 * <p><b>Components and modals.</b> Messages may carry action rows of buttons; {@link ComponentLimits} checks
 * Discord's rules beyond the schema (5 rows, 5 buttons a row, custom ids of 1-100 characters unique within the
 * message, a link button with a url and no custom_id) on every create, edit, interaction response and follow-up,
 * and a modal (type-9 callback: title of 1-45 characters, 1-5 rows of one text input each, lengths within
 * 0-4000). A member presses a button with {@link #pressButton} (INTERACTION_CREATE type 3) and submits the modal
 * the bot opened with {@link #submitModal} (type 5); the bot answers with a callback of type 4 (ephemeral with
 * flags 64), 5, 6 (deferred update), 7 (update the message) or 9 (a modal; not to a modal submission), which
 * {@link #awaitCallback}, {@link #awaitEphemeralResponse} and {@link #awaitModal} observe. Javacord's updaters
 * always send {@code components}: an edit that names none removes the buttons.
 *
 * <p><b>Sharding.</b> Several clients can log in as shards of one bot, each on its own connection
 * ({@code DiscordApiBuilder.setTotalShards(n).setCurrentShard(i)}, or {@code loginShards}). As on Discord, a guild
 * belongs to shard {@code (guild_id >> 22) % num_shards}: only that shard's session lists it in READY and gets its
 * GUILD_CREATE and every later event about it (messages, interactions, guild, role, channel and member changes);
 * events without a guild go to shard 0. An IDENTIFY whose {@code shard} is not a valid {@code [shard_id,
 * num_shards]} is closed with 4010, and shards connected at once that disagree on num_shards are a violation.
 * {@code GET /gateway/bot} answers {@link #recommendedShards(int)}. Commands are registered over REST for the whole
 * application, whichever shard sends the request. {@link #identifiedShards()}, {@link #awaitShardConnected} and
 * {@link #dispatchesTo} observe the shards. Javacord spaces IDENTIFYs 5.5 s apart per token within a JVM unless
 * the builder gets its own {@code setGatewayIdentifyRatelimiter}, as in the example above.
 *
 * <p><b>Javacord behaviour worth knowing when writing tests</b> (all as against Discord):
 * <ul>
 *   <li>{@code login()} completes after READY, every GUILD_CREATE and {@code GET /oauth2/applications/@me}. With a
 *       rejected token it completes exceptionally with an {@code IllegalStateException} ("Websocket closed before
 *       READY packet was received!") after the gateway closes with 4004.</li>
 *   <li>The bot's own interaction responses come back as {@code MESSAGE_CREATE} with {@code webhook_id} set to the
 *       application id; Javacord's {@code MessageAuthor.isYourself()} is false for them. A message listener that
 *       must ignore the bot should test {@code isRegularUser()} (or {@code isBotUser()} and {@code isWebhook()}).</li>
 *   <li>Without {@code Intent.MESSAGE_CONTENT}, {@code getMessageContent()} throws {@code MissingIntentException}
 *       unless the bot is mentioned.</li>
 *   <li>Javacord sends REST bodies as JSON, and as {@code multipart/form-data} (JSON in {@code payload_json}) only
 *       when there are attachments; {@code respondLater()} is {@code POST /interactions/{id}/{token}/callback}
 *       with {@code {"type": 5}}, and its updater's {@code update()} is
 *       {@code PATCH /webhooks/{application_id}/{token}/messages/@original}.</li>
 *   <li>Call {@code api.disconnect()} before {@link #close()}; a client left connected keeps trying to
 *       reconnect.</li>
 * </ul>
 *
 * <p>The application id equals the bot's user id, as for every Discord bot application created since 2016. All
 * methods are thread-safe. {@link #close()} frees the ports and threads; start one emulator per test.
 */
public final class DiscordEmulator implements AutoCloseable {

    /**
     * How long the helpers that take no timeout wait: ample for a bot that embeds a page before answering, and
     * only ever waited in full when a test fails.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The Manage Server permission ({@code MANAGE_GUILD}), for roles whose members are the server's managers. */
    public static final long MANAGE_GUILD = 1L << 5;

    /** The only bot token the emulator accepts. */
    public static final String TOKEN = "test-token";

    /** The permissions {@code @everyone} has in a new guild: view, send, embed, attach, react, mention everyone, ... */
    public static final long DEFAULT_EVERYONE_PERMISSIONS = bits(0, 6, 9, 10, 11, 14, 15, 16, 17, 18, 20, 21, 25, 26,
            31, 32, 35, 36, 37, 38, 39, 42, 45, 46, 49, 50);

    /** Create Public Threads: without it Discord refuses to start a thread from a message (403, code 50013). */
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    /** Send Messages in Threads: what posting in a thread needs, in place of Send Messages. */
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    static final long ADMINISTRATOR = 1L << 3;
    static final long ALL_PERMISSIONS = (1L << 51) - 1;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long MENTION_EVERYONE = 1L << 17;
    static final int INTENT_GUILDS = 0;
    static final int INTENT_GUILD_MEMBERS = 1;
    static final int INTENT_GUILD_MESSAGES = 9;
    static final int INTENT_MESSAGE_CONTENT = 15;

    static final long APPLICATION_ID = 1187654321098765432L;
    static final String BOT_USERNAME = "Footnote";
    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");

    /** Guards all state of this emulator, including the gateway's. */
    final Object lock = new Object();
    final ObjectMapper json = new ObjectMapper();

    private final RestProxy rest;
    private final Gateway gateway;
    private final RestApi restApi;
    final Threads threads = new Threads(this);
    final ComponentInteractions components = new ComponentInteractions(this);
    private final AtomicLong lastId = new AtomicLong();

    // ---- the world, guarded by lock ----
    private final Map<Long, GuildSpec> guilds = new LinkedHashMap<>();
    private final Map<Long, String> usernames = new HashMap<>();
    private final Map<Long, Long> channelGuild = new HashMap<>();
    /** Messages by id, in creation order; each is the REST message object. */
    final Map<Long, ObjectNode> messages = new LinkedHashMap<>();
    /** Direct-message channels the bot opened, by channel id: the member each one leads to. */
    final Map<Long, Long> directChannels = new LinkedHashMap<>();
    final Map<Long, InteractionState> interactions = new HashMap<>();

    // ---- observation, guarded by lock ----
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> responseProblems = new ArrayList<>();
    private final List<Canned> canned = new ArrayList<>();
    private volatile boolean tokenRejected;
    private volatile boolean closed;
    private volatile Duration interactionCallbackDeadline = Duration.ofSeconds(3);
    private volatile int recommendedShards = 1;

    /**
     * A gateway shard as IDENTIFY names it, {@code [shard_id, num_shards]}.
     *
     * @param id    the shard id, {@code 0 <= id < total}
     * @param total the number of shards (num_shards)
     */
    public record Shard(int id, int total) {
        @Override
        public String toString() {
            return "[" + id + ", " + total + "]";
        }
    }

    /** A canned answer registered with {@link #respondNext}. */
    record Canned(String method, Pattern path, int status, Map<String, String> headers, String body) {
    }

    /** What the emulator knows about one interaction it sent. Guarded by lock. */
    static final class InteractionState {
        final long id;
        final String token;
        final long guildId;
        final long channelId;
        final long userId;
        final String commandName;
        /** 2: application command, 3: message component, 5: modal submit. */
        final int type;
        final long createdNanos = System.nanoTime();
        /** For a component press: the message the component is on; for a modal submit: that of its opener, if any. */
        Long componentMessageId;
        /** For a component press or a modal submit: the custom_id pressed or submitted. */
        String customId;
        /** For a modal submit: the interaction that opened the modal. */
        InteractionState trigger;
        /** The modal this interaction was answered with (a type-9 callback's data), until it is submitted. */
        ObjectNode modal;
        boolean modalSubmitted;
        int callbackType;
        Long originalMessageId;
        boolean originalLoading;
        final List<Long> followups = new ArrayList<>();
        /** The message the bot touched last (original or follow-up), for {@link #interactionResponse}. */
        Long lastTouched;

        InteractionState(long id, String token, long guildId, long channelId, long userId, String commandName,
                         int type) {
            this.id = id;
            this.type = type;
            this.token = token;
            this.guildId = guildId;
            this.channelId = channelId;
            this.userId = userId;
            this.commandName = commandName;
        }
    }

    private DiscordEmulator() throws IOException {
        DiscordApiSpec spec = DiscordApiSpec.get(); // loads and compiles once per JVM
        this.restApi = new RestApi(this, spec);
        this.rest = new RestProxy(TlsSupport.serverContext(), restApi::handle, this::violation);
        this.gateway = new Gateway(this, json, this::violation);
        try {
            gateway.startAndWait();
        } catch (RuntimeException e) {
            rest.close();
            throw e;
        }
    }

    /** Starts an emulator: the REST proxy and the gateway, each on an ephemeral port of 127.0.0.1. */
    public static DiscordEmulator start() {
        try {
            return new DiscordEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Discord emulator", e);
        }
    }

    /**
     * Routes {@code discord.com} (any port, any scheme) to the emulator's HTTP CONNECT proxy and everything else to
     * {@link Proxy#NO_PROXY}, so Javacord's websocket connects directly to the emulator's gateway on 127.0.0.1.
     */
    public ProxySelector proxySelector() {
        InetSocketAddress address = rest.address();
        Proxy proxy = new Proxy(Proxy.Type.HTTP, address);
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                return host != null && host.equalsIgnoreCase("discord.com") ? List.of(proxy) : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // nothing to learn
            }
        };
    }

    /**
     * Prepares Javacord for a login against this emulator; call it before each login.
     * <ul>
     *   <li>Clears Javacord's JVM-wide cached gateway URL ({@code DiscordWebSocketAdapter.setGateway(null)}), so the
     *       next login asks this emulator's {@code GET /gateway}.</li>
     *   <li>Makes the emulator's certificate trusted without {@code setTrustAllCertificates}: Javacord's OkHttp
     *       4.9 client takes its trust from the {@code javax.net.ssl.trustStore} system properties (not from
     *       {@code SSLContext.getDefault()}), so these are pointed at a temporary PKCS12 store holding the JVM's
     *       usual trusted certificates plus the emulator's. Done once per JVM; other HTTPS is unaffected.</li>
     * </ul>
     */
    public void prepareJavacord() {
        TlsSupport.installTrust();
        DiscordWebSocketAdapter.setGateway(null);
    }

    /** The application id (equal to {@link #botUserId()}). */
    public long applicationId() {
        return APPLICATION_ID;
    }

    /** The bot's user id. */
    public long botUserId() {
        return APPLICATION_ID;
    }

    /** The gateway URL {@code GET /gateway} answers with, {@code ws://127.0.0.1:port}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    // ======================================================================================= the world

    /**
     * Adds a guild. Its {@code @everyone} role (id {@code guildId}) and the bot's membership exist at once. Before
     * login the guild is part of READY and gets its GUILD_CREATE; after login its GUILD_CREATE is sent now, and
     * later changes through the returned spec are sent as the matching events, all to the shard that owns the
     * guild.
     */
    public GuildSpec guild(long guildId, String name, long ownerId) {
        synchronized (lock) {
            if (guilds.containsKey(guildId)) {
                throw new IllegalArgumentException("guild " + guildId + " exists already");
            }
            GuildSpec guild = new GuildSpec(this, guildId, name, ownerId);
            guild.addBotMember(botUserId());
            guilds.put(guildId, guild);
            if (gateway.hasSession()) {
                gateway.dispatch(guildId, "GUILD_CREATE", guildCreate(guild));
            }
            return guild;
        }
    }

    /** The guild added with this id. */
    public GuildSpec guild(long guildId) {
        synchronized (lock) {
            GuildSpec guild = guilds.get(guildId);
            if (guild == null) {
                throw new IllegalArgumentException("no guild " + guildId);
            }
            return guild;
        }
    }

    void registerUser(long userId, String username) {
        if (userId == botUserId() && !BOT_USERNAME.equals(username)) {
            // the bot keeps its own name; its roles are what a test sets
            return;
        }
        usernames.put(userId, username);
    }

    void claimChannel(long channelId, long guildId) {
        Long owner = channelGuild.get(channelId);
        if (owner != null) {
            throw new IllegalArgumentException("channel " + channelId + " belongs to guild " + owner + " already");
        }
        channelGuild.put(channelId, guildId);
    }

    void onRole(GuildSpec guild, GuildSpec.Role role, boolean created) {
        if (announced(guild)) {
            ObjectNode d = json.createObjectNode().put("guild_id", id(guild.id()));
            d.set("role", roleJson(role));
            gateway.dispatch(guild.id(), created ? "GUILD_ROLE_CREATE" : "GUILD_ROLE_UPDATE", d);
        }
    }

    void onChannel(GuildSpec guild, GuildSpec.Channel channel) {
        if (announced(guild)) {
            gateway.dispatch(guild.id(), "CHANNEL_CREATE", channelJson(guild, channel));
        }
    }

    void onMember(GuildSpec guild, GuildSpec.Member member, boolean created) {
        if (announced(guild)) {
            ObjectNode d = memberJson(guild, member, true);
            d.put("guild_id", id(guild.id()));
            gateway.dispatch(guild.id(), created ? "GUILD_MEMBER_ADD" : "GUILD_MEMBER_UPDATE",
                    session -> session.hasIntent(INTENT_GUILD_MEMBERS) ? d : null);
        }
    }

    private boolean announced(GuildSpec guild) {
        return gateway.hasSession() && guilds.containsKey(guild.id());
    }

    // ======================================================================================= events to the bot

    /**
     * A member writes a message: sends {@code MESSAGE_CREATE} (if the bot has the GUILD_MESSAGES intent).
     * {@code mentions} and {@code mention_roles} come from {@code <@id>}, {@code <@!id>} and {@code <@&id>} in the
     * content; the content itself is empty for the bot unless it has MESSAGE_CONTENT or is mentioned, as on Discord.
     * The channel may be a text channel or a thread the bot started ({@link #threadsIn}).
     *
     * @return the message id
     * @throws IllegalStateException if the bot never logged in (on any shard; the event goes to the guild's shard
     *                               only, and to nobody while that shard has no session)
     */
    public long postMessage(long guildId, long channelId, long authorId, String content) {
        synchronized (lock) {
            return post(guildId, channelId, authorId, content, null, false);
        }
    }

    /**
     * A member replies to a message of the same channel (Discord's reply: type 19, {@code message_reference} and
     * {@code referenced_message}). With {@code ping}, as Discord's client does by default, the replied-to author is
     * mentioned too, so a reply to the bot's message then mentions the bot.
     *
     * @return the message id
     */
    public long postReply(long guildId, long channelId, long authorId, String content, long repliedTo,
                          boolean ping) {
        synchronized (lock) {
            ObjectNode referenced = messages.get(repliedTo);
            if (referenced == null || referenced.path("channel_id").asLong() != channelId) {
                throw new IllegalArgumentException("message " + repliedTo + " is not in channel " + channelId);
            }
            return post(guildId, channelId, authorId, content, referenced, ping);
        }
    }

    private long post(long guildId, long channelId, long authorId, String content, ObjectNode repliedTo,
                      boolean ping) {
        requireSession();
        GuildSpec guild = guild(guildId);
        if (!guild.hasChannel(channelId)) {
            throw new IllegalArgumentException("channel " + channelId + " is neither a text channel nor a thread of"
                    + " guild " + guildId);
        }
        if (!guild.members().containsKey(authorId)) {
            throw new IllegalArgumentException("user " + authorId + " is not a member of guild " + guildId);
        }
        ObjectNode message = newMessage(channelId, userJson(authorId), content, repliedTo == null ? 0 : 19);
        Mentions mentions = mentions(guild, content, null, authorId);
        if (repliedTo != null) {
            message.putObject("message_reference").put("type", 0).put("message_id", repliedTo.path("id").asText())
                    .put("channel_id", id(channelId)).put("guild_id", id(guildId));
            message.set("referenced_message", repliedTo.deepCopy());
            if (ping) {
                Set<Long> users = new LinkedHashSet<>(mentions.users());
                users.add(repliedTo.path("author").path("id").asLong());
                mentions = new Mentions(users, mentions.roles(), mentions.everyone());
            }
        }
        fillMentions(message, guild, mentions);
        messages.put(message.path("id").asLong(), message);
        sendMessageEvent("MESSAGE_CREATE", guild, message, authorId);
        lock.notifyAll();
        return message.path("id").asLong();
    }

    /**
     * A member uses a slash command: sends {@code INTERACTION_CREATE} (type 2). Options map to command options:
     * a {@code String} is type 3, an {@code Integer}/{@code Long} type 4, a {@code Boolean} type 5, a
     * {@code Double}/{@code Float} type 10, an {@link OptionValue} the type it names. If the bot registered this
     * command (globally or for the guild), its id is used and the options must fit the registration; the option
     * types are then taken from it (so a {@code Long} for a USER option becomes a user id). The interaction goes to
     * the shard that owns the guild only.
     */
    public Interaction slashCommand(long guildId, long channelId, long userId, String command,
                                    Map<String, Object> options) {
        return slashCommand(guildId, channelId, userId, command, null, options);
    }

    /**
     * Like {@link #slashCommand(long, long, long, String, Map)}, with the options nested in a subcommand (a type-1
     * option), e.g. {@code /sources list}, or in a subcommand of a group when {@code subcommand} names both, e.g.
     * {@code "ask-channel add"}.
     */
    public Interaction slashCommand(long guildId, long channelId, long userId, String command, String subcommand,
                                    Map<String, Object> options) {
        synchronized (lock) {
            requireSession();
            GuildSpec guild = guild(guildId);
            if (!guild.hasChannel(channelId)) {
                throw new IllegalArgumentException("channel " + channelId + " is neither a text channel nor a thread"
                        + " of guild " + guildId);
            }
            GuildSpec.Member member = guild.members().get(userId);
            if (member == null) {
                throw new IllegalArgumentException("user " + userId + " is not a member of guild " + guildId);
            }
            Optional<ObjectNode> registered = restApi.registeredCommand(guildId, command);
            ArrayNode optionList = restApi.interactionOptions(registered.orElse(null), command, subcommand,
                    options == null ? Map.of() : options);
            InteractionState state = newInteraction(guildId, channelId, userId, command, 2);
            ObjectNode d = interactionPayload(guild, state);
            ObjectNode data = d.putObject("data");
            data.put("id", registered.map(c -> c.path("id").asText()).orElseGet(() -> id(nextId())));
            data.put("name", command);
            data.put("type", 1);
            registered.filter(c -> c.has("guild_id")).ifPresent(c -> data.put("guild_id", c.path("guild_id").asText()));
            if (!optionList.isEmpty()) {
                data.set("options", optionList);
                ObjectNode resolved = resolved(guild, optionList, userId);
                if (!resolved.isEmpty()) {
                    data.set("resolved", resolved);
                }
            }
            gateway.dispatch(guildId, "INTERACTION_CREATE", d);
            lock.notifyAll();
            return new Interaction(state.id, state.token);
        }
    }

    /** A new interaction of this type (2: command, 3: component, 5: modal submit), registered. Call under lock. */
    InteractionState newInteraction(long guildId, long channelId, long userId, String commandName, int type) {
        InteractionState state = new InteractionState(nextId(), interactionToken(), guildId, channelId, userId,
                commandName, type);
        interactions.put(state.id, state);
        return state;
    }

    /** The fields every guild INTERACTION_CREATE carries, before its {@code data} (and {@code message}). */
    ObjectNode interactionPayload(GuildSpec guild, InteractionState state) {
        ObjectNode d = json.createObjectNode();
        d.put("id", id(state.id));
        d.put("application_id", id(APPLICATION_ID));
        d.put("type", state.type);
        d.put("token", state.token);
        d.put("version", 1);
        d.put("locale", "en-US");
        d.put("guild_locale", "en-US");
        d.put("guild_id", id(guild.id()));
        d.put("channel_id", id(state.channelId));
        d.set("channel", anyChannelJson(guild, state.channelId));
        ObjectNode memberNode = memberJson(guild, guild.members().get(state.userId), true);
        memberNode.put("permissions", Long.toString(guild.permissionsOf(state.userId)));
        d.set("member", memberNode);
        d.put("app_permissions", Long.toString(guild.permissionsOf(botUserId())));
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("0", id(guild.id()));
        d.put("context", 0);
        return d;
    }

    /** {@code data.resolved} for user, channel, role and mentionable options, as Discord sends it. */
    private ObjectNode resolved(GuildSpec guild, ArrayNode options, long userId) {
        ObjectNode resolved = json.createObjectNode();
        List<JsonNode> flat = new ArrayList<>();
        options.forEach(flat::add);
        for (int i = 0; i < flat.size(); i++) {
            JsonNode option = flat.get(i);
            option.path("options").forEach(flat::add);
            int type = option.path("type").asInt();
            if ((type < 6 || type > 9) && type != 11 || !option.has("value")) {
                continue;
            }
            long target = Long.parseUnsignedLong(option.path("value").asText());
            if ((type == 6 || type == 9) && knowsUser(target)) {
                resolved.withObjectProperty("users").set(id(target), userJson(target));
                GuildSpec.Member member = guild.members().get(target);
                if (member != null) {
                    ObjectNode m = memberJson(guild, member, false);
                    m.put("permissions", Long.toString(guild.permissionsOf(target)));
                    resolved.withObjectProperty("members").set(id(target), m);
                }
            }
            if ((type == 8 || type == 9) && guild.roles().containsKey(target)) {
                resolved.withObjectProperty("roles").set(id(target), roleJson(guild.roles().get(target)));
            }
            if (type == 11 && attachments.containsKey(target)) {
                resolved.withObjectProperty("attachments").set(id(target), attachments.get(target).deepCopy());
            }
            if (type == 7 && guild.channels().containsKey(target)) {
                ObjectNode c = channelJson(guild, guild.channels().get(target));
                c.put("permissions", Long.toString(guild.permissionsOf(userId)));
                resolved.withObjectProperty("channels").set(id(target), c);
            }
        }
        return resolved;
    }

    /**
     * A member presses the button with this {@code custom_id} on a message: sends {@code INTERACTION_CREATE} of
     * type 3 (MESSAGE_COMPONENT) with {@code data.custom_id}, {@code data.component_type} 2, the {@code message}
     * as it is now, and the member with their permissions, to the guild's shard. The bot answers it with a
     * callback of type 4 (a message, ephemeral with flags 64), 5, 6 (deferred update: nothing visible), 7 (update
     * the message) or 9 (a modal); see {@link #awaitCallback}, {@link #awaitEphemeralResponse}, {@link #awaitModal}.
     *
     * @throws IllegalArgumentException if the message or button does not exist, the button is a link or disabled,
     *                                  or the message is ephemeral and the member is not the one who sees it
     */
    public Interaction pressButton(long guildId, long messageId, long userId, String customId) {
        synchronized (lock) {
            requireSession();
            return components.press(guildId, messageId, userId, customId);
        }
    }

    /**
     * The member who got a modal (the bot answered {@code opener} with a type-9 callback) submits it: sends
     * {@code INTERACTION_CREATE} of type 5 (MODAL_SUBMIT) with {@code data.custom_id} and {@code data.components},
     * rows of text inputs each with its {@code value}: the one given here by the input's custom_id, else the
     * value the bot pre-filled, else empty. Wait for the modal first ({@link #awaitModal}).
     *
     * @throws IllegalArgumentException if there is no modal, it was submitted already, a value names no input,
     *                                  or Discord's client would not submit these values (a required input left
     *                                  empty, a length outside min_length..max_length)
     */
    public Interaction submitModal(Interaction opener, Map<String, String> values) {
        synchronized (lock) {
            requireSession();
            return components.submit(opener, values);
        }
    }

    /** An explicitly typed slash-command option value (e.g. type 6, USER, with a user id). */
    public record OptionValue(int type, Object value) {
    }

    /** Attachments members uploaded with a slash command, by id, as Discord resolves them. */
    final Map<Long, ObjectNode> attachments = new LinkedHashMap<>();

    /**
     * A file a member attaches to a slash command (an ATTACHMENT option, type 11): Discord stores it on its CDN and
     * sends the bot its metadata and {@code url}; here the url is wherever the test serves the file from.
     */
    public OptionValue attachment(String fileName, java.net.URI url, int size, String contentType) {
        synchronized (lock) {
            long id = nextId();
            ObjectNode attachment = json.createObjectNode();
            attachment.put("id", id(id));
            attachment.put("filename", fileName);
            attachment.put("size", size);
            attachment.put("url", url.toString());
            attachment.put("proxy_url", url.toString());
            attachment.put("content_type", contentType);
            attachment.put("ephemeral", true);
            attachments.put(id, attachment);
            return new OptionValue(11, id);
        }
    }

    /**
     * Sends gateway op 7 (RECONNECT) on the live connection (on each shard's, when sharded). Javacord closes it and,
     * about a second later, connects again and RESUMEs; events raised meanwhile are replayed to it.
     * {@link #awaitConnected} waits for that.
     */
    public void requestReconnect() {
        synchronized (lock) {
            gateway.requestReconnect();
        }
    }

    /**
     * The next REST request with this method whose path (without {@code /api/v10} and query) matches
     * {@code pathRegex} as a whole gets this answer, once; the request is still recorded and validated. Default
     * headers ({@code Content-Type: application/json} when there is a body, {@code Date}, {@code Via}) are added
     * unless given. For a rate limit, Discord's answer is status 429, {@code Retry-After: 1} and
     * {@code {"message":"You are being rate limited.","retry_after":1.0,"global":false}}.
     */
    public void respondNext(String method, String pathRegex, int status, Map<String, String> headers, String body) {
        synchronized (lock) {
            canned.add(new Canned(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status,
                    headers == null ? Map.of() : Map.copyOf(headers), body));
        }
    }

    /**
     * From now on, behaves as Discord does for an invalid bot token: requests with an {@code Authorization}
     * header get {@code 401 {"message": "401: Unauthorized", "code": 0}}, and IDENTIFY or RESUME is answered by
     * closing the gateway connection with code 4004 (Authentication failed). Javacord's {@code login()} then
     * completes exceptionally. These 401s are not violations: the bot did nothing wrong.
     */
    public void rejectToken() {
        tokenRejected = true;
    }

    boolean tokenRejected() {
        return tokenRejected;
    }

    /** How long after INTERACTION_CREATE the callback may come: 3 s, as on Discord. */
    Duration interactionCallbackDeadline() {
        return interactionCallbackDeadline;
    }

    /** Shortens the callback deadline, so a test of a late callback need not wait 3 s. */
    void interactionCallbackDeadline(Duration deadline) {
        interactionCallbackDeadline = deadline;
    }

    /**
     * The number of shards {@code GET /gateway/bot} recommends (1 unless set), which Javacord's
     * {@code DiscordApiBuilder.setRecommendedTotalShards()} adopts.
     */
    public void recommendedShards(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1: " + shards);
        }
        recommendedShards = shards;
    }

    int recommendedShards() {
        return recommendedShards;
    }

    // ======================================================================================= observation

    /**
     * How Footnote's bot reaches the emulator: through {@link #proxySelector()}, with no spacing between logins, as
     * the emulator does not rate-limit IDENTIFY (call {@link #prepareJavacord()} first).
     */
    public DiscordBot.Connection connection() {
        return new DiscordBot.Connection(proxySelector(), Optional.of(() -> { }));
    }

    /** Every REST request the bot sent, in order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /**
     * Waits until a request matching {@code match} has been received (including earlier ones) and returns the
     * first such.
     *
     * @throws AssertionError on timeout, listing the requests received
     */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (RecordedRequest request : requests) {
                    if (match.test(request)) {
                        return request;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching REST request within " + timeout + "; received "
                            + requests.size() + ":"
                            + requests.stream().map(r -> "\n  " + r).collect(Collectors.joining())
                            + (violations.isEmpty() ? "" : "\nviolations:\n  " + String.join("\n  ", violations)));
                }
                waitOn(left);
            }
        }
    }

    /** Shorthand for {@code awaitRequest(r -> r.is(method, pathRegex), timeout)}. */
    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        return awaitRequest(r -> r.is(method, pathRegex), timeout);
    }

    /** The first request that is {@code method} on a path matching {@code pathRegex} and satisfies {@code also}. */
    public RecordedRequest awaitRequest(String method, String pathRegex, Predicate<RecordedRequest> also) {
        return awaitRequest(r -> r.is(method, pathRegex) && also.test(r), WAIT);
    }

    /**
     * The bot's deferred response to an interaction: it acknowledged with a type-5 callback, then set the original
     * response ({@code PATCH .../messages/@original}); the first such edit that succeeded and satisfies
     * {@code also} (a slow command edits it several times as it goes).
     */
    public RecordedRequest awaitDeferredResponse(Interaction interaction, Predicate<RecordedRequest> also) {
        awaitRequest("POST", "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback",
                r -> r.body().path("type").asInt() == 5);
        return awaitRequest("PATCH", "/webhooks/\\d+/" + interaction.token() + "/messages/@original",
                r -> r.status() < 300 && also.test(r));
    }

    /** The first successful edit of the deferred response to an interaction. */
    public RecordedRequest awaitDeferredResponse(Interaction interaction) {
        return awaitDeferredResponse(interaction, r -> true);
    }

    /** The content of the first edit of the deferred response whose content satisfies {@code match}. */
    public String awaitDeferredContent(Interaction interaction, Predicate<String> match) {
        return awaitDeferredResponse(interaction, r -> match.test(r.body().path("content").asText()))
                .body().path("content").asText();
    }

    /** The bot's immediate response to an interaction (a type-4 callback): its {@code data}, the message. */
    public JsonNode awaitImmediateResponse(Interaction interaction) {
        return awaitRequest("POST", "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback",
                r -> r.body().path("type").asInt() == 4).body().path("data");
    }

    /**
     * The bot's first accepted callback to an interaction ({@code POST /interactions/{id}/{token}/callback}
     * answered 2xx), as the request body: {@code type} and {@code data}.
     */
    public JsonNode awaitCallback(Interaction interaction) {
        return awaitRequest("POST", "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback",
                r -> r.status() < 300).body();
    }

    /** The modal the bot answered an interaction with: the {@code data} of its type-9 callback. */
    public JsonNode awaitModal(Interaction interaction) {
        JsonNode callback = awaitCallback(interaction);
        if (callback.path("type").asInt() != 9) {
            throw new AssertionError("interaction " + interaction.id() + " was answered with a callback of type "
                    + callback.path("type").asInt() + ", not a modal: " + callback);
        }
        return callback.path("data");
    }

    /**
     * The first message of an interaction that only its member sees (flags 64) and that is no longer loading: an
     * immediate ephemeral response, a deferred ephemeral one once edited, or an ephemeral follow-up.
     *
     * @throws AssertionError on timeout, with the interaction's requests
     */
    public JsonNode awaitEphemeralResponse(Interaction interaction) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (true) {
                for (JsonNode message : interactionMessages(interaction)) {
                    int flags = message.path("flags").asInt();
                    if ((flags & 64) != 0 && (flags & 128) == 0) {
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no ephemeral response to interaction " + interaction.id() + " within "
                            + WAIT + "; requests:" + requests.stream().filter(r -> r.path().contains(
                            interaction.token())).map(r -> "\n  " + r).collect(Collectors.joining()));
                }
                waitOn(left);
            }
        }
    }

    /**
     * Every problem found with what the bot sent, human-readable, each starting with the method and path (or
     * {@code gateway:} / {@code proxy:}). Empty when the bot behaved.
     */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /**
     * Places where the emulator's own answers did not match Discord's response schemas. Always empty unless the
     * emulator has a bug; its own tests check this.
     */
    public List<String> responseProblems() {
        synchronized (lock) {
            return List.copyOf(responseProblems);
        }
    }

    /** IDENTIFY packets received. */
    public int identifyCount() {
        synchronized (lock) {
            return gateway.identifies();
        }
    }

    /** RESUME packets received. */
    public int resumeCount() {
        synchronized (lock) {
            return gateway.resumes();
        }
    }

    /**
     * The shard of each session an IDENTIFY opened, in order ({@code [0, 1]} for a client that does not shard);
     * IDENTIFYs that were refused are only counted by {@link #identifyCount()}.
     */
    public List<Shard> identifiedShards() {
        synchronized (lock) {
            return List.copyOf(gateway.identified());
        }
    }

    /**
     * Waits until the bot has a live gateway connection past READY or RESUMED (e.g. after
     * {@link #requestReconnect()}); when sharded, on every shard that has identified.
     *
     * @throws AssertionError on timeout
     */
    public void awaitConnected(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!gateway.connected()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the bot was not connected to the gateway within " + timeout
                            + " (identifies: " + gateway.identifies() + ", resumes: " + gateway.resumes() + ")");
                }
                waitOn(left);
            }
        }
    }

    /**
     * Waits until this shard's session is connected and past READY (its guilds' GUILD_CREATEs sent) or RESUMED.
     *
     * @throws AssertionError on timeout
     */
    public void awaitShardConnected(int shardId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!gateway.connected(shardId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("shard " + shardId + " was not connected to the gateway within "
                            + timeout + " (identified: " + gateway.identified() + ", identifies: "
                            + gateway.identifies() + ", resumes: " + gateway.resumes() + ")");
                }
                waitOn(left);
            }
        }
    }

    /**
     * The gateway dispatches (op 0: {@code {"op":0,"s":n,"t":"MESSAGE_CREATE","d":{...}}}) sent in this shard's
     * live session, oldest first, starting with READY; empty if the shard never identified. What a client does not
     * show (Javacord drops events about guilds it does not know) can be checked here.
     */
    public List<JsonNode> dispatchesTo(int shardId) {
        synchronized (lock) {
            return gateway.history(shardId).stream().map(p -> (JsonNode) p.deepCopy()).toList();
        }
    }

    /**
     * The content of the message the bot last created or edited for this interaction: the original response (set
     * by a type-4 callback or {@code PATCH .../messages/@original}) or a follow-up. Empty while there is none, or
     * while the response is only deferred.
     */
    public Optional<String> interactionResponse(Interaction interaction) {
        synchronized (lock) {
            InteractionState state = interactions.get(interaction.id());
            if (state == null || state.lastTouched == null) {
                return Optional.empty();
            }
            if (state.originalLoading && state.lastTouched.equals(state.originalMessageId)) {
                return Optional.empty();
            }
            ObjectNode message = messages.get(state.lastTouched);
            return message == null ? Optional.empty() : Optional.of(message.path("content").asText(""));
        }
    }

    /**
     * Waits until {@link #interactionResponse} is present and satisfies {@code match}, and returns it.
     *
     * @throws AssertionError on timeout
     */
    public String awaitInteractionResponse(Interaction interaction, Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<String> content = interactionResponse(interaction);
                if (content.isPresent() && match.test(content.get())) {
                    return content.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching response to interaction " + interaction.id() + " within "
                            + timeout + "; latest: " + content.orElse("(none)") + "; requests:"
                            + requests.stream().map(r -> "\n  " + r).collect(Collectors.joining()));
                }
                waitOn(left);
            }
        }
    }

    /** The messages of this interaction (original response first, then follow-ups), as REST message objects. */
    public List<JsonNode> interactionMessages(Interaction interaction) {
        synchronized (lock) {
            InteractionState state = interactions.get(interaction.id());
            List<JsonNode> out = new ArrayList<>();
            if (state == null) {
                return out;
            }
            if (state.originalMessageId != null && messages.containsKey(state.originalMessageId)) {
                out.add(messages.get(state.originalMessageId).deepCopy());
            }
            for (long id : state.followups) {
                if (messages.containsKey(id)) {
                    out.add(messages.get(id).deepCopy());
                }
            }
            return out;
        }
    }

    /**
     * The threads started in a text channel, oldest first, as Discord's channel objects (type 11, {@code id} equal
     * to the message it was started from, {@code parent_id}, {@code owner_id}, {@code name}, ...).
     */
    public List<JsonNode> threadsIn(long channelId) {
        synchronized (lock) {
            return guildOfChannel(channelId).stream()
                    .flatMap(g -> g.threads().values().stream().filter(t -> t.parentId() == channelId)
                            .map(t -> (JsonNode) threads.json(g, t, false)))
                    .toList();
        }
    }

    /** The messages now in a channel (from members and from the bot), oldest first, as REST message objects. */
    public List<JsonNode> messagesIn(long channelId) {
        synchronized (lock) {
            String channel = id(channelId);
            return messages.values().stream()
                    .filter(m -> m.path("channel_id").asText().equals(channel))
                    .map(m -> (JsonNode) m.deepCopy())
                    .toList();
        }
    }

    /**
     * Waits until a message in the channel (a text channel or a thread; from anyone; as it is now, edits included)
     * satisfies {@code match}, and returns it as a REST message object.
     *
     * @throws AssertionError on timeout, listing the channel's messages
     */
    public JsonNode awaitMessageIn(long channelId, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (true) {
                List<JsonNode> now = messagesIn(channelId);
                for (JsonNode message : now) {
                    if (match.test(message)) {
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message in channel " + channelId + " within " + WAIT
                            + "; there are " + now.size() + ":" + now.stream().map(m -> "\n  "
                            + m.path("author").path("username").asText() + ": " + m.path("content").asText())
                            .collect(Collectors.joining()));
                }
                waitOn(left);
            }
        }
    }

    /** Whether the bot wrote this message (itself, or through an interaction), for {@link #awaitMessageIn}. */
    public boolean byBot(JsonNode message) {
        return message.path("author").path("id").asLong() == botUserId();
    }

    /** Stops the proxy and the gateway and frees their ports and threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rest.close();
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    // ======================================================================================= internals

    void violation(String problem) {
        synchronized (lock) {
            violations.add(problem);
            lock.notifyAll();
        }
    }

    void responseProblem(String problem) {
        synchronized (lock) {
            responseProblems.add(problem);
        }
    }

    void record(RecordedRequest request) {
        synchronized (lock) {
            requests.add(request);
            lock.notifyAll();
        }
    }

    /** Takes the first canned answer for this request, if any. */
    Optional<Canned> takeCanned(String method, String path) {
        synchronized (lock) {
            for (int i = 0; i < canned.size(); i++) {
                Canned c = canned.get(i);
                if (c.method().equals(method) && c.path().matcher(path).matches()) {
                    canned.remove(i);
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    Gateway gateway() {
        return gateway;
    }

    Map<Long, GuildSpec> guilds() {
        return guilds;
    }

    /**
     * The direct messages the bot sent to a user, oldest first (the bot opens the channel with
     * {@code POST /users/@me/channels}).
     */
    public List<JsonNode> directMessagesTo(long userId) {
        synchronized (lock) {
            List<JsonNode> sent = new ArrayList<>();
            for (ObjectNode message : messages.values()) {
                Long recipient = directChannels.get(message.path("channel_id").asLong());
                if (recipient != null && recipient == userId) {
                    sent.add(message.deepCopy());
                }
            }
            return sent;
        }
    }

    /** The id of the direct-message channel with a user, opening it if needed. */
    long directChannel(long userId) {
        for (Map.Entry<Long, Long> entry : directChannels.entrySet()) {
            if (entry.getValue() == userId) {
                return entry.getKey();
            }
        }
        long channelId = nextId();
        directChannels.put(channelId, userId);
        return channelId;
    }

    Optional<GuildSpec> guildOfChannel(long channelId) {
        Long guildId = channelGuild.get(channelId);
        return guildId == null ? Optional.empty() : Optional.ofNullable(guilds.get(guildId))
                .filter(g -> g.hasChannel(channelId));
    }

    boolean knowsUser(long userId) {
        return userId == botUserId() || usernames.containsKey(userId);
    }

    private void requireSession() {
        if (!gateway.hasSession()) {
            throw new IllegalStateException("the bot has not logged in to this emulator (no gateway session)");
        }
    }

    private void waitOn(long nanos) {
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        try {
            lock.wait(Math.max(1, nanos / 1_000_000), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** A new snowflake: milliseconds since Discord's epoch, then a counter; strictly increasing. */
    long nextId() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return lastId.updateAndGet(last -> Math.max(last + 1, candidate));
    }

    static String interactionToken() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder sb = new StringBuilder("aW50ZXJhY3Rpb246");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 120; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String timestamp() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
    }

    static String id(long id) {
        return Long.toUnsignedString(id);
    }

    private static long bits(int... bits) {
        long value = 0;
        for (int bit : bits) {
            value |= 1L << bit;
        }
        return value;
    }

    // ======================================================================================= payloads

    ObjectNode readyPayload(Gateway.Session session, String gatewayUrl) {
        ObjectNode d = json.createObjectNode();
        d.put("v", 10);
        d.set("user", botUserJson());
        ArrayNode guildList = d.putArray("guilds");
        for (GuildSpec guild : guilds.values()) {
            if (session.owns(guild.id())) {
                guildList.addObject().put("id", id(guild.id())).put("unavailable", true);
            }
        }
        d.put("session_id", session.id);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", gatewayUrl);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("guild_join_requests");
        d.putArray("geo_ordered_rtc_regions").add("local");
        d.putObject("user_settings");
        d.putObject("application").put("id", id(APPLICATION_ID)).put("flags", 0);
        d.putArray("shard").add(session.shard.id()).add(session.shard.total());
        return d;
    }

    /** The GUILD_CREATEs that follow READY: one per guild of the session's shard. */
    List<ObjectNode> guildCreatePayloads(Gateway.Session session) {
        return guilds.values().stream().filter(g -> session.owns(g.id())).map(this::guildCreate).toList();
    }

    private ObjectNode guildCreate(GuildSpec guild) {
        ObjectNode g = json.createObjectNode();
        g.put("id", id(guild.id()));
        g.put("name", guild.name());
        g.putNull("icon");
        g.putNull("icon_hash");
        g.putNull("splash");
        g.putNull("discovery_splash");
        g.putNull("banner");
        g.putNull("description");
        g.put("owner_id", id(guild.ownerId()));
        g.put("region", "deprecated");
        g.putNull("afk_channel_id");
        g.put("afk_timeout", 300);
        g.put("widget_enabled", false);
        g.put("verification_level", 1);
        g.put("default_message_notifications", 1);
        g.put("explicit_content_filter", 2);
        g.put("mfa_level", 0);
        g.put("nsfw_level", 0);
        g.put("premium_tier", 0);
        g.put("premium_subscription_count", 0);
        g.put("premium_progress_bar_enabled", false);
        g.put("preferred_locale", "en-US");
        g.putNull("system_channel_id");
        g.put("system_channel_flags", 0);
        g.putNull("rules_channel_id");
        g.putNull("public_updates_channel_id");
        g.putNull("safety_alerts_channel_id");
        g.putNull("vanity_url_code");
        g.putNull("application_id");
        g.putArray("features");
        g.put("nsfw", false);
        g.put("joined_at", guild.members().get(botUserId()).joinedAt());
        g.put("large", false);
        g.put("unavailable", false);
        g.put("member_count", guild.members().size());
        g.put("max_members", 500000);
        g.put("max_video_channel_users", 25);
        g.put("max_stage_video_channel_users", 50);
        ArrayNode roles = g.putArray("roles");
        guild.roles().values().forEach(role -> roles.add(roleJson(role)));
        ArrayNode channels = g.putArray("channels");
        guild.channels().values().forEach(channel -> channels.add(channelJson(guild, channel)));
        ArrayNode members = g.putArray("members");
        guild.members().values().forEach(member -> members.add(memberJson(guild, member, true)));
        ArrayNode threadList = g.putArray("threads");
        guild.threads().values().forEach(thread -> threadList.add(threads.json(guild, thread, false)));
        g.putArray("presences");
        g.putArray("voice_states");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        g.putArray("embedded_activities");
        return g;
    }

    ObjectNode roleJson(GuildSpec.Role role) {
        ObjectNode r = json.createObjectNode();
        r.put("id", id(role.id()));
        r.put("name", role.name());
        r.putNull("description");
        r.put("permissions", Long.toString(role.permissions()));
        r.put("position", role.position());
        r.put("color", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        r.put("hoist", false);
        r.put("managed", false);
        r.put("mentionable", false);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        r.put("flags", 0);
        return r;
    }

    ObjectNode channelJson(GuildSpec guild, GuildSpec.Channel channel) {
        ObjectNode c = json.createObjectNode();
        c.put("id", id(channel.id()));
        c.put("type", 0);
        c.put("guild_id", id(guild.id()));
        c.put("name", channel.name());
        c.put("position", channel.position());
        c.putArray("permission_overwrites");
        c.putNull("topic");
        c.put("nsfw", false);
        c.putNull("last_message_id");
        c.put("rate_limit_per_user", 0);
        c.putNull("parent_id");
        c.put("flags", 0);
        return c;
    }

    /** A text channel's or a thread's channel object. */
    ObjectNode anyChannelJson(GuildSpec guild, long channelId) {
        GuildSpec.ThreadChannel thread = guild.threads().get(channelId);
        return thread != null ? threads.json(guild, thread, false) : channelJson(guild, guild.channels().get(channelId));
    }

    /** A guild member object; {@code withUser} adds the user (GUILD_CREATE, interactions) or not (messages). */
    ObjectNode memberJson(GuildSpec guild, GuildSpec.Member member, boolean withUser) {
        ObjectNode m = json.createObjectNode();
        if (withUser) {
            m.set("user", userJson(member.userId()));
        }
        ArrayNode roles = m.putArray("roles");
        member.roleIds().forEach(roleId -> roles.add(id(roleId)));
        m.putNull("nick");
        m.putNull("avatar");
        m.putNull("banner");
        m.put("joined_at", member.joinedAt());
        m.putNull("premium_since");
        m.put("deaf", false);
        m.put("mute", false);
        m.put("flags", 0);
        m.put("pending", false);
        m.putNull("communication_disabled_until");
        return m;
    }

    ObjectNode botUserJson() {
        ObjectNode user = userJson(botUserId());
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.putNull("email");
        user.put("locale", "en-US");
        return user;
    }

    /** A user object as Discord sends it today (new usernames: discriminator "0"; bots keep a number). */
    ObjectNode userJson(long userId) {
        boolean bot = userId == botUserId();
        ObjectNode u = json.createObjectNode();
        u.put("id", id(userId));
        u.put("username", bot ? BOT_USERNAME : usernames.getOrDefault(userId, "user" + userId));
        u.putNull("avatar");
        u.put("discriminator", bot ? "4321" : "0");
        u.put("public_flags", 0);
        u.put("flags", 0);
        if (bot) {
            u.put("bot", true);
        }
        u.putNull("banner");
        u.putNull("accent_color");
        if (bot) {
            u.putNull("global_name");
        } else {
            u.put("global_name", usernames.getOrDefault(userId, "user" + userId));
        }
        u.putNull("avatar_decoration_data");
        u.putNull("collectibles");
        u.putNull("primary_guild");
        return u;
    }

    /** A new message object with Discord's required fields and defaults. */
    ObjectNode newMessage(long channelId, ObjectNode author, String content, int type) {
        ObjectNode m = json.createObjectNode();
        m.put("type", type);
        m.put("content", content == null ? "" : content);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.put("timestamp", timestamp());
        m.putNull("edited_timestamp");
        m.put("flags", 0);
        m.putArray("components");
        m.put("id", id(nextId()));
        m.put("channel_id", id(channelId));
        m.set("author", author);
        m.put("pinned", false);
        m.put("mention_everyone", false);
        m.put("tts", false);
        return m;
    }

    /** Who a message pings. */
    record Mentions(Set<Long> users, Set<Long> roles, boolean everyone) {
    }

    /**
     * Parses the mentions in {@code content} and keeps those that ping under {@code allowedMentions} (null: the
     * default, everything) and the author's permissions (@everyone/@here need MENTION_EVERYONE).
     */
    Mentions mentions(GuildSpec guild, String content, JsonNode allowedMentions, long authorId) {
        Set<String> parse = new LinkedHashSet<>();
        Set<String> allowedUsers = new LinkedHashSet<>();
        Set<String> allowedRoles = new LinkedHashSet<>();
        if (allowedMentions != null && allowedMentions.isObject()) {
            allowedMentions.path("parse").forEach(p -> parse.add(p.asText()));
            allowedMentions.path("users").forEach(u -> allowedUsers.add(u.asText()));
            allowedMentions.path("roles").forEach(r -> allowedRoles.add(r.asText()));
        } else {
            parse.addAll(List.of("users", "roles", "everyone"));
        }
        Set<Long> users = new LinkedHashSet<>();
        Matcher um = USER_MENTION.matcher(content == null ? "" : content);
        while (um.find()) {
            long userId = Long.parseUnsignedLong(um.group(1));
            if (guild.members().containsKey(userId)
                    && (parse.contains("users") || allowedUsers.contains(um.group(1)))) {
                users.add(userId);
            }
        }
        Set<Long> roles = new LinkedHashSet<>();
        Matcher rm = ROLE_MENTION.matcher(content == null ? "" : content);
        while (rm.find()) {
            long roleId = Long.parseUnsignedLong(rm.group(1));
            if (guild.roles().containsKey(roleId) && roleId != guild.id()
                    && (parse.contains("roles") || allowedRoles.contains(rm.group(1)))) {
                roles.add(roleId);
            }
        }
        boolean everyone = content != null && (content.contains("@everyone") || content.contains("@here"))
                && parse.contains("everyone")
                && (guild.permissionsOf(authorId) & MENTION_EVERYONE) != 0;
        return new Mentions(users, roles, everyone);
    }

    void fillMentions(ObjectNode message, GuildSpec guild, Mentions mentions) {
        ArrayNode users = message.putArray("mentions");
        mentions.users().forEach(userId -> users.add(userJson(userId)));
        ArrayNode roles = message.putArray("mention_roles");
        mentions.roles().forEach(roleId -> roles.add(id(roleId)));
        message.put("mention_everyone", mentions.everyone());
    }

    /**
     * Sends MESSAGE_CREATE or MESSAGE_UPDATE for a guild message to the guild's shard, if its session has the
     * GUILD_MESSAGES intent; strips the content unless the session has MESSAGE_CONTENT, the bot is mentioned, or
     * wrote it. Call under lock.
     */
    void sendMessageEvent(String type, GuildSpec guild, ObjectNode message, long authorId) {
        if ((message.path("flags").asInt() & 64) != 0) {
            return; // ephemeral: only the invoking user sees it
        }
        ObjectNode event = message.deepCopy();
        event.put("guild_id", id(guild.id()));
        GuildSpec.Member author = guild.members().get(authorId);
        if (author != null && !message.has("webhook_id")) {
            event.set("member", memberJson(guild, author, false));
        }
        ArrayNode mentioned = event.withArrayProperty("mentions");
        boolean botMentioned = false;
        for (JsonNode user : mentioned) {
            long userId = user.path("id").asLong();
            botMentioned |= userId == botUserId();
            GuildSpec.Member member = guild.members().get(userId);
            if (member != null) {
                ((ObjectNode) user).set("member", memberJson(guild, member, false));
            }
        }
        ObjectNode withoutContent = event.deepCopy();
        withoutContent.put("content", "");
        withoutContent.putArray("embeds");
        withoutContent.putArray("attachments");
        withoutContent.putArray("components");
        boolean contentVisible = botMentioned || authorId == botUserId();
        gateway.dispatch(guild.id(), type, session -> !session.hasIntent(INTENT_GUILD_MESSAGES) ? null
                : contentVisible || session.hasIntent(INTENT_MESSAGE_CONTENT) ? event : withoutContent);
    }
}
