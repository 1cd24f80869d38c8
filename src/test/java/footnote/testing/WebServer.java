package footnote.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on a loopback address for tests that fetch, never the network: pages, feeds, files and redirects by
 * exact path, each replaceable while the test runs, or a handler of the test's own (bombs, trickles, hang-ups);
 * it counts requests per path and keeps the paths and user agents asked with.
 */
public final class WebServer implements AutoCloseable {

    /** What a path answers; a null content type sends none. */
    public record Page(int status, String contentType, byte[] body, Duration delay, Map<String, String> headers) {

        public static Page of(String contentType, String body) {
            return of(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Page of(String contentType, byte[] body) {
            return new Page(200, contentType, body, Duration.ZERO, Map.of());
        }

        public static Page status(int status) {
            return new Page(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8), Duration.ZERO,
                    Map.of());
        }

        public static Page redirect(int status, String location) {
            return new Page(status, null, new byte[0], Duration.ZERO, Map.of("Location", location));
        }

        public Page slow(Duration delay) {
            return new Page(status, contentType, body, delay, headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-web-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    private WebServer(InetAddress address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    /** A server on 127.0.0.1, on a free port. */
    public static WebServer start() {
        return startOn("127.0.0.1", 0);
    }

    /** A server on another loopback address (127.0.0.2, …), e.g. to catch connections that must never happen. */
    public static WebServer startOn(String loopbackAddress, int port) {
        try {
            InetAddress address = InetAddress.getByName(loopbackAddress);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("tests serve from loopback only: " + loopbackAddress);
            }
            return new WebServer(address, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebServer serve(String path, Page page) {
        handlers.remove(path);
        pages.put(path, page);
        return this;
    }

    public WebServer redirect(String path, int status, String location) {
        return serve(path, Page.redirect(status, location));
    }

    /** Answers {@code path} with the test's own handler. */
    public WebServer on(String path, HttpHandler handler) {
        pages.remove(path);
        handlers.put(path, handler);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Paths and queries requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    /** Sends a whole answer; a null content type sends none. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        requests.add(exchange.getRequestURI().toString());
        userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
        try {
            HttpHandler handler = handlers.get(path);
            if (handler != null) {
                handler.handle(exchange);
            } else {
                answer(exchange, pages.getOrDefault(path, Page.status(404)));
            }
        } catch (IOException e) {
            // The client hung up on purpose (a refused body, a timeout): nothing to do.
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, Page page) throws IOException {
        try {
            Thread.sleep(page.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        page.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, page.status(), page.contentType(), page.body());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
