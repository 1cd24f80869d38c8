package footnote.discord.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP proxy on 127.0.0.1 that only knows one destination: {@code CONNECT discord.com:443} is answered with
 * {@code 200 Connection established}, then the tunnel's TLS is terminated here with the emulator's
 * {@code discord.com} certificate and the HTTP/1.1 requests inside it are handed to the REST handler. Nothing is
 * ever forwarded; no outbound connection is made.
 */
final class RestProxy implements AutoCloseable {

    /** An HTTP request as read off the tunnel. Header names are lower-case; repeated headers are joined. */
    record RawRequest(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** An HTTP response to write back. */
    record RawResponse(int status, Map<String, String> headers, byte[] body) {
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final ServerSocket server;
    private final SSLContext tls;
    private final Function<RawRequest, RawResponse> handler;
    private final Consumer<String> violations;
    private final ExecutorService workers;
    /** Plain client sockets; closing one also ends the TLS session on top and unblocks its reader. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RestProxy(SSLContext tls, Function<RawRequest, RawResponse> handler, Consumer<String> violations)
            throws IOException {
        this.tls = tls;
        this.handler = handler;
        this.violations = violations;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "discord-emulator-rest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(threads);
        workers.execute(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!socket.getInetAddress().isLoopbackAddress()) {
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                workers.execute(() -> serveConnection(socket));
            } catch (RuntimeException rejected) {
                closeQuietly(socket);
            }
        }
    }

    private void serveConnection(Socket socket) {
        Socket current = socket;
        try {
            socket.setTcpNoDelay(true);
            InputStream rawIn = socket.getInputStream();
            OutputStream rawOut = socket.getOutputStream();
            // Read the CONNECT head byte by byte: nothing of the TLS handshake may be consumed here.
            String head = readHead(rawIn);
            if (head == null) {
                return;
            }
            String requestLine = head.split("\r\n", 2)[0];
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[0].equals("CONNECT")) {
                violations.accept("proxy: expected CONNECT discord.com:443, got '" + requestLine
                        + "' (Javacord's REST calls must go through https://discord.com)");
                writeSimple(rawOut, 400, "Bad Request");
                return;
            }
            if (!parts[1].equalsIgnoreCase("discord.com:443")) {
                violations.accept("proxy: CONNECT " + parts[1] + " refused; the emulator only serves discord.com:443");
                writeSimple(rawOut, 403, "Forbidden");
                return;
            }
            rawOut.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            rawOut.flush();

            SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            ssl.setUseClientMode(false);
            current = ssl;
            ssl.startHandshake();
            InputStream in = new BufferedInputStream(ssl.getInputStream());
            OutputStream out = new BufferedOutputStream(ssl.getOutputStream());
            while (!closed) {
                RawRequest request = readRequest(in);
                if (request == null) {
                    return;
                }
                RawResponse response;
                try {
                    response = handler.apply(request);
                } catch (RuntimeException e) {
                    violations.accept("emulator failure on " + request.method() + " " + request.target() + ": " + e);
                    response = new RawResponse(500, Map.of("Content-Type", "application/json"),
                            "{\"message\":\"500: Internal Server Error\",\"code\":0}".getBytes(StandardCharsets.UTF_8));
                }
                writeResponse(out, response, request.method().equals("HEAD"));
                if ("close".equalsIgnoreCase(request.headers().get("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // Client went away or the emulator is closing.
        } finally {
            closeQuietly(current);
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
            if (buf.size() > MAX_HEADER_BYTES) {
                throw new IOException("request head too large");
            }
            // Looking for CR LF CR LF.
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static RawRequest readRequest(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            throw new IOException("malformed request line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (length > MAX_BODY_BYTES) {
                throw new IOException("body too large");
            }
            body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("truncated body");
            }
        } else {
            body = new byte[0];
        }
        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
            if (body.size() > MAX_BODY_BYTES) {
                throw new IOException("body too large");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0) {
            throw new IOException("connection closed mid-body");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void writeResponse(OutputStream out, RawResponse response, boolean head) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                sb.append(name).append(": ").append(value).append("\r\n");
            }
        });
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (response.status() != 204 && response.status() != 304) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head && response.status() != 204 && response.status() != 304) {
            out.write(body);
        }
        out.flush();
    }

    private static void writeSimple(OutputStream out, int status, String reason) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(RestProxy::closeQuietly);
        open.clear();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
