package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The emulator's gateway: a websocket server on 127.0.0.1 speaking Discord's gateway protocol v10 with plain JSON
 * text frames ({@code compress} in IDENTIFY is ignored, which clients must accept).
 *
 * <p>Sessions follow Discord: IDENTIFY opens a session (READY, then one GUILD_CREATE per guild); every dispatch
 * gets the session's next sequence number and is kept, so a client that RESUMEs with its last {@code seq} gets
 * what it missed replayed, then RESUMED. Events raised while the bot is between connections are therefore not
 * lost if it resumes. All state is guarded by the emulator's lock.
 *
 * <p>Sharding follows Discord too: IDENTIFY's {@code shard: [shard_id, num_shards]} (absent: [0, 1]) picks the
 * guilds a session gets, those with {@code (guild_id >> 22) % num_shards == shard_id}; events without a guild go to
 * shard 0. Each shard has its own live session (the newest to IDENTIFY or RESUME as that shard) on its own
 * connection, with its own sequence numbers, history and RESUME.
 */
final class Gateway extends WebSocketServer {

    static final int HEARTBEAT_INTERVAL_MS = 41_250;
    static final int CLOSE_AUTHENTICATION_FAILED = 4004;
    static final int CLOSE_ALREADY_AUTHENTICATED = 4005;
    static final int CLOSE_NOT_AUTHENTICATED = 4003;
    static final int CLOSE_DECODE_ERROR = 4002;
    static final int CLOSE_INVALID_SHARD = 4010;
    static final int CLOSE_INVALID_INTENTS = 4013;
    static final long CLOSE_ECHO_DELAY_MS = 50;
    /** The guild id of events that belong to no guild (direct messages), which Discord sends to shard 0. */
    static final long NO_GUILD = 0;

    /** A gateway session (what READY's session_id names). */
    static final class Session {
        final String id;
        final long intents;
        final DiscordEmulator.Shard shard;
        int seq;
        final List<ObjectNode> history = new ArrayList<>();
        WebSocket connection;
        boolean ready;

        Session(String id, long intents, DiscordEmulator.Shard shard) {
            this.id = id;
            this.intents = intents;
            this.shard = shard;
        }

        boolean hasIntent(int bit) {
            return (intents & (1L << bit)) != 0;
        }

        /** Whether Discord sends this guild's events to this session's shard. */
        boolean owns(long guildId) {
            return guildId == NO_GUILD ? shard.id() == 0 : (guildId >>> 22) % shard.total() == shard.id();
        }

        boolean open() {
            return connection != null && connection.isOpen();
        }

        boolean connected() {
            return ready && open();
        }
    }

    /** Per-connection state, kept as the websocket's attachment. */
    private static final class Connection {
        Session session;
    }

    private final DiscordEmulator emulator;
    private final ObjectMapper json;
    private final Consumer<String> violations;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    /** Guarded by emulator.lock. */
    private final Map<String, Session> sessions = new HashMap<>();
    /**
     * The session each shard's events go to, by shard id. A newer IDENTIFY for a shard replaces its entry; the older
     * session may stay open but gets no more events.
     */
    private final Map<Integer, Session> live = new TreeMap<>();
    private final List<DiscordEmulator.Shard> identified = new ArrayList<>();
    private int identifies;
    private int resumes;

    Gateway(DiscordEmulator emulator, ObjectMapper json, Consumer<String> violations) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, List.of(new UnhurriedClose()));
        this.emulator = emulator;
        this.json = json;
        this.violations = violations;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
    }

    /** Starts the server and waits until it is bound. */
    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gateway did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the gateway", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException("gateway failed to start", startFailure);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (!conn.getRemoteSocketAddress().getAddress().isLoopbackAddress()) {
            conn.close(1008, "loopback only");
            return;
        }
        conn.setAttachment(new Connection());
        String resource = handshake.getResourceDescriptor();
        if (!resource.contains("v=10") || !resource.contains("encoding=json")) {
            violations.accept("gateway: connected with '" + resource + "'; expected ?v=10&encoding=json");
        }
        ObjectNode hello = json.createObjectNode().put("op", 10);
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
        hello.putNull("s");
        hello.putNull("t");
        conn.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        JsonNode packet;
        try {
            packet = json.readTree(text);
        } catch (Exception e) {
            violations.accept("gateway: frame is not JSON: " + abbreviate(text));
            conn.close(CLOSE_DECODE_ERROR, "Error while decoding payload.");
            return;
        }
        Connection state = conn.getAttachment();
        int op = packet.path("op").asInt(-1);
        synchronized (emulator.lock) {
            switch (op) {
                case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> identify(conn, state, packet.path("d"));
                case 3, 4, 8 -> {
                    // presence, voice state, request guild members: accepted and ignored
                    if (state.session == null) {
                        violations.accept("gateway: op " + op + " before IDENTIFY");
                        conn.close(CLOSE_NOT_AUTHENTICATED, "Not authenticated.");
                    }
                }
                case 6 -> resume(conn, state, packet.path("d"));
                default -> violations.accept("gateway: unknown or client-illegal op " + op + ": " + abbreviate(text));
            }
            emulator.lock.notifyAll();
        }
    }

    private void identify(WebSocket conn, Connection state, JsonNode d) {
        identifies++;
        if (state.session != null) {
            violations.accept("gateway: second IDENTIFY on one connection");
            conn.close(CLOSE_ALREADY_AUTHENTICATED, "Already authenticated.");
            return;
        }
        if (!tokenAccepted(d.path("token").asText(null), "IDENTIFY")) {
            conn.close(CLOSE_AUTHENTICATION_FAILED, "Authentication failed.");
            return;
        }
        if (!d.path("intents").canConvertToLong()) {
            violations.accept("gateway: IDENTIFY without intents");
            conn.close(CLOSE_INVALID_INTENTS, "Invalid intent(s).");
            return;
        }
        if (!d.path("properties").isObject()) {
            violations.accept("gateway: IDENTIFY without properties {os, browser, device}");
        }
        DiscordEmulator.Shard shard = shard(d.get("shard"));
        if (shard == null) {
            violations.accept("gateway: IDENTIFY with shard " + d.get("shard")
                    + "; expected [shard_id, num_shards] with 0 <= shard_id < num_shards");
            conn.close(CLOSE_INVALID_SHARD, "Invalid shard.");
            return;
        }
        Session session = new Session(UUID.randomUUID().toString().replace("-", ""), d.path("intents").asLong(),
                shard);
        sessions.put(session.id, session);
        session.connection = conn;
        state.session = session;
        goLive(session, "IDENTIFY");
        identified.add(shard);
        dispatch(session, "READY", emulator.readyPayload(session, url()));
        for (ObjectNode guild : emulator.guildCreatePayloads(session)) {
            dispatch(session, "GUILD_CREATE", guild);
        }
        session.ready = true;
    }

    /** IDENTIFY's {@code shard}: [0, 1] when absent, as on Discord; null when it is not a valid pair. */
    private static DiscordEmulator.Shard shard(JsonNode shard) {
        if (shard == null || shard.isNull()) {
            return new DiscordEmulator.Shard(0, 1);
        }
        if (!shard.isArray() || shard.size() != 2 || !shard.get(0).isIntegralNumber()
                || !shard.get(1).isIntegralNumber() || !shard.get(0).canConvertToInt()
                || !shard.get(1).canConvertToInt()) {
            return null;
        }
        int id = shard.get(0).asInt();
        int total = shard.get(1).asInt();
        return total >= 1 && id >= 0 && id < total ? new DiscordEmulator.Shard(id, total) : null;
    }

    /**
     * Makes the session its shard's live one. Discord requires all shards running at once to use the same
     * num_shards, or guilds would go to two sessions or to none; a disagreement with a session that is still
     * connected is the bot's mistake. A disconnected session of another num_shards is left over from before the
     * bot resharded, so it stops being live.
     */
    private void goLive(Session session, String what) {
        for (Session other : live.values()) {
            if (other != session && other.shard.total() != session.shard.total() && other.open()) {
                violations.accept("gateway: " + what + " as shard " + session.shard + " while shard " + other.shard
                        + " is connected; all shards must agree on num_shards");
            }
        }
        live.values().removeIf(other -> other.shard.total() != session.shard.total() && !other.open());
        live.put(session.shard.id(), session);
    }

    private void resume(WebSocket conn, Connection state, JsonNode d) {
        resumes++;
        if (!tokenAccepted(d.path("token").asText(null), "RESUME")) {
            conn.close(CLOSE_AUTHENTICATION_FAILED, "Authentication failed.");
            return;
        }
        Session session = sessions.get(d.path("session_id").asText(""));
        if (session == null) {
            conn.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return;
        }
        if (session.connection != null && session.connection != conn) {
            session.connection.close(4009, "Session timed out.");
        }
        session.connection = conn;
        state.session = session;
        goLive(session, "RESUME");
        int seq = d.path("seq").asInt(0);
        for (ObjectNode payload : session.history) {
            if (payload.path("s").asInt() > seq) {
                conn.send(payload.toString());
            }
        }
        dispatch(session, "RESUMED", json.createObjectNode());
        session.ready = true;
    }

    private boolean tokenAccepted(String token, String what) {
        if (emulator.tokenRejected()) {
            return false;
        }
        if (!("Bot " + DiscordEmulator.TOKEN).equals(token)) {
            violations.accept("gateway: " + what + " with token '" + token + "'; expected 'Bot "
                    + DiscordEmulator.TOKEN + "'");
            return false;
        }
        return true;
    }

    /**
     * Dispatches an event about a guild ({@link #NO_GUILD} for none) to the live session of the shard that owns
     * it, if any. Call under emulator.lock.
     */
    void dispatch(long guildId, String type, ObjectNode data) {
        dispatch(guildId, type, session -> data);
    }

    /**
     * Like {@link #dispatch(long, String, ObjectNode)}, with the payload made per session, since what a session
     * may see depends on its intents; {@code payloadFor} returns null to send that session nothing.
     */
    void dispatch(long guildId, String type, Function<Session, ObjectNode> payloadFor) {
        for (Session session : live.values()) {
            if (session.owns(guildId)) {
                ObjectNode data = payloadFor.apply(session);
                if (data != null) {
                    dispatch(session, type, data);
                }
            }
        }
    }

    private void dispatch(Session session, String type, ObjectNode data) {
        ObjectNode payload = json.createObjectNode();
        payload.put("op", 0);
        payload.put("s", ++session.seq);
        payload.put("t", type);
        payload.set("d", data);
        session.history.add(payload);
        WebSocket conn = session.connection;
        if (conn != null && conn.isOpen()) {
            conn.send(payload.toString());
        }
    }

    /** Whether the bot has identified at least once (on any shard). Call under emulator.lock. */
    boolean hasSession() {
        return !live.isEmpty();
    }

    /** Whether every live session is connected and past READY or RESUMED. Call under emulator.lock. */
    boolean connected() {
        return !live.isEmpty() && live.values().stream().allMatch(Session::connected);
    }

    /** Whether this shard's live session is connected and past READY or RESUMED. Call under emulator.lock. */
    boolean connected(int shardId) {
        Session session = live.get(shardId);
        return session != null && session.connected();
    }

    /** The dispatches sent in this shard's live session (none if it has none). Call under emulator.lock. */
    List<ObjectNode> history(int shardId) {
        Session session = live.get(shardId);
        return session == null ? List.of() : session.history;
    }

    /** The shard of each session IDENTIFY opened, in order. Call under emulator.lock. */
    List<DiscordEmulator.Shard> identified() {
        return identified;
    }

    int identifies() {
        return identifies;
    }

    int resumes() {
        return resumes;
    }

    /** Sends op 7 on every live connection (one per shard). Call under emulator.lock. */
    void requestReconnect() {
        if (!connected()) {
            throw new IllegalStateException("the bot has no live gateway connection"
                    + (live.size() > 1 ? " on every shard" : ""));
        }
        for (Session session : live.values()) {
            session.connection.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
            session.ready = false;
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (emulator.lock) {
            Connection state = conn.getAttachment();
            if (state != null && state.session != null && state.session.connection == conn) {
                state.session.connection = null;
                state.session.ready = false;
            }
            emulator.lock.notifyAll();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    /**
     * RFC 6455 with one change: a client's close frame is answered after {@value #CLOSE_ECHO_DELAY_MS} ms, like a
     * network round trip, not instantly. Javacord 3.8.0's {@code DiscordApi.disconnect()} lets the completed close
     * handshake shut its thread pool down and afterwards still schedules a task on it; over loopback that race is
     * lost often and {@code disconnect()} throws {@code RejectedExecutionException}. Against Discord the round trip
     * takes tens of milliseconds.
     */
    private static final class UnhurriedClose extends Draft_6455 {
        @Override
        public void processFrame(WebSocketImpl conn, Framedata frame) throws InvalidDataException {
            if (frame.getOpcode() == Opcode.CLOSING && conn.isOpen()) {
                try {
                    Thread.sleep(CLOSE_ECHO_DELAY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.processFrame(conn, frame);
        }

        @Override
        public Draft copyInstance() {
            return new UnhurriedClose();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
