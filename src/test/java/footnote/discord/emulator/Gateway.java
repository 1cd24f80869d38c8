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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 */
final class Gateway extends WebSocketServer {

    static final int HEARTBEAT_INTERVAL_MS = 41_250;
    static final int CLOSE_AUTHENTICATION_FAILED = 4004;
    static final int CLOSE_ALREADY_AUTHENTICATED = 4005;
    static final int CLOSE_NOT_AUTHENTICATED = 4003;
    static final int CLOSE_DECODE_ERROR = 4002;
    static final int CLOSE_INVALID_INTENTS = 4013;
    static final long CLOSE_ECHO_DELAY_MS = 50;

    /** A gateway session (what READY's session_id names). */
    static final class Session {
        final String id;
        final long intents;
        int seq;
        final List<ObjectNode> history = new ArrayList<>();
        WebSocket connection;
        boolean ready;

        Session(String id, long intents) {
            this.id = id;
            this.intents = intents;
        }

        boolean hasIntent(int bit) {
            return (intents & (1L << bit)) != 0;
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
    private Session live;
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
        Session session = new Session(UUID.randomUUID().toString().replace("-", ""), d.path("intents").asLong());
        sessions.put(session.id, session);
        live = session; // events go to the newest session; an older one stays open but gets no more
        session.connection = conn;
        state.session = session;
        dispatch(session, "READY", emulator.readyPayload(session, url()));
        for (ObjectNode guild : emulator.guildCreatePayloads()) {
            dispatch(session, "GUILD_CREATE", guild);
        }
        session.ready = true;
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
        live = session;
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

    /** Dispatches to the live session. Call under emulator.lock. @return false if the bot has no session */
    boolean dispatch(String type, ObjectNode data) {
        if (live == null) {
            return false;
        }
        dispatch(live, type, data);
        return true;
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

    /** The session events go to, or null if the bot never identified. Call under emulator.lock. */
    Session live() {
        return live;
    }

    /** Whether the bot is connected and past READY or RESUMED. Call under emulator.lock. */
    boolean connected() {
        return live != null && live.ready && live.connection != null && live.connection.isOpen();
    }

    int identifies() {
        return identifies;
    }

    int resumes() {
        return resumes;
    }

    /** Sends op 7 on the live connection. Call under emulator.lock. */
    void requestReconnect() {
        if (!connected()) {
            throw new IllegalStateException("the bot has no live gateway connection");
        }
        live.connection.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
        live.ready = false;
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
