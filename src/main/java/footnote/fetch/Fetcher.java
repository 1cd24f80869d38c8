package footnote.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a moderator's URL with every guard: http(s) only, allowed ports only, no credentials in URLs, public
 * addresses only (checked again on every redirect hop, and the connection pinned to the addresses checked), time
 * limits, a size limit on the decompressed body, and only media types Footnote can read. Thread-safe; one instance
 * serves the whole bot.
 */
public final class Fetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    /** Media types Footnote reads; {@code application/octet-stream} only when the content shows it is one of them. */
    static final Set<String> READABLE_TYPES = Set.of("text/html", "application/xhtml+xml", "application/rss+xml",
            "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml", "text/plain",
            "text/markdown", "text/x-markdown", "application/pdf");

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
            + " application/xml;q=0.9, text/xml;q=0.9, application/rdf+xml;q=0.9, application/pdf;q=0.9,"
            + " text/markdown;q=0.8, text/plain;q=0.8, */*;q=0.1";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"), Map.entry(204, "No Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(304, "Not Modified"));

    private final FetchSettings settings;
    private final Resolver resolver;
    private final Function<InetAddress, Optional<String>> addressCheck;
    private final OkHttpClient client;

    public Fetcher(FetchSettings settings) {
        this(settings, Resolver.SYSTEM,
                settings.allowPrivateAddresses() ? address -> Optional.empty() : AddressGuard::refusal);
    }

    /**
     * For tests: a resolver the test controls (no real DNS) and the address rule to apply, which overrides
     * {@code settings.allowPrivateAddresses()}.
     */
    Fetcher(FetchSettings settings, Resolver resolver, Function<InetAddress, Optional<String>> addressCheck) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.addressCheck = Objects.requireNonNull(addressCheck, "addressCheck");
        Duration whole = settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2));
        this.client = new OkHttpClient.Builder()
                // Each hop is checked here before it is requested, so OkHttp must not follow anything by itself.
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                // A proxy would resolve the host itself, past the address check.
                .proxy(Proxy.NO_PROXY)
                .cookieJar(CookieJar.NO_COOKIES)
                .cache(null)
                // Connections are not kept: each fetch connects to the addresses it checked, no others.
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                // Never used: every call gets a client whose Dns answers with that hop's checked addresses only.
                .dns(host -> {
                    throw new UnknownHostException(host + " was not checked");
                })
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(whole)
                .build();
    }

    /**
     * GETs the URL with every guard, following up to {@code maxRedirects} redirects, each checked like the first
     * URL. The whole body is returned, decompressed, within {@code maxBytes}.
     *
     * @throws FetchException with a one-line message for the moderator when any guard refuses or the fetch fails
     */
    public Fetched get(URI url) throws FetchException {
        Objects.requireNonNull(url, "url");
        HttpUrl current = firstUrl(url);
        String context = "";
        for (int hop = 0; ; hop++) {
            List<InetAddress> addresses = check(current, context);
            OkHttpClient pinned = client.newBuilder().dns(new PinnedDns(current.host(), addresses)).build();
            Request request = new Request.Builder()
                    .url(current)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", ACCEPT)
                    .build();
            try (Response response = pinned.newCall(request).execute()) {
                int code = response.code();
                if (REDIRECTS.contains(code)) {
                    if (hop >= settings.maxRedirects()) {
                        throw new FetchException(Urls.display(url) + " redirected more than "
                                + settings.maxRedirects() + " times; Footnote gave up.");
                    }
                    String location = response.header("Location");
                    if (location == null || location.isBlank()) {
                        throw new FetchException(show(current) + " answered " + status(response)
                                + " without saying where to.");
                    }
                    HttpUrl next = redirectTarget(current, location);
                    context = show(current) + " redirected to " + show(next) + ": ";
                    current = next;
                    continue;
                }
                if (code < 200 || code > 299) {
                    throw new FetchException(show(current) + " answered " + status(response) + ".");
                }
                return read(url, current, response);
            } catch (IOException e) {
                throw failure(current, e);
            }
        }
    }

    /**
     * Reads a local file for an upload from the command line: a regular file only (never a link, device or pipe),
     * within {@code maxBytes}.
     *
     * @throws FetchException with a one-line message for the operator when the file is refused or unreadable
     */
    public Fetched readFile(java.nio.file.Path path) throws FetchException {
        return LocalFile.read(path, settings.maxBytes());
    }

    @Override
    public void close() {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }

    private static HttpUrl firstUrl(URI url) throws FetchException {
        String scheme = url.getScheme();
        if (scheme == null) {
            throw new FetchException(Urls.display(url) + " is not a full web address; it must start with https://.");
        }
        if (!isWebScheme(scheme)) {
            throw new FetchException(Urls.display(url) + " is not a web address; Footnote fetches only http and "
                    + "https.");
        }
        HttpUrl parsed = HttpUrl.parse(url.toString());
        if (parsed == null || url.getRawAuthority() == null) {
            throw new FetchException(Urls.display(url) + " is not a web address Footnote can read.");
        }
        return parsed;
    }

    private static HttpUrl redirectTarget(HttpUrl from, String location) throws FetchException {
        Matcher scheme = SCHEME.matcher(location);
        if (scheme.find() && !isWebScheme(scheme.group(1))) {
            throw new FetchException(show(from) + " redirected to a " + scheme.group(1).toLowerCase(Locale.ROOT)
                    + ": address; Footnote fetches only http and https.");
        }
        HttpUrl next = from.resolve(location.strip());
        if (next == null) {
            throw new FetchException(show(from) + " redirected to " + Urls.display(location)
                    + ", which is not a web address Footnote can read.");
        }
        return next;
    }

    private static boolean isWebScheme(String scheme) {
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    /** Checks one hop's URL and returns the addresses its connection may use: all of them acceptable. */
    private List<InetAddress> check(HttpUrl url, String context) throws FetchException {
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new FetchException(context + show(url) + " has a user name or password in it; Footnote does not "
                    + "send credentials.");
        }
        if (!settings.allowedPorts().contains(url.port())) {
            throw new FetchException(context + show(url) + " uses port " + url.port() + "; Footnote fetches only from "
                    + ports() + ".");
        }
        String host = url.host();
        if (AddressGuard.isUnusualNumericHost(host)) {
            throw new FetchException(context + show(url) + " gives its host as a number in an unusual form; Footnote "
                    + "accepts host names and plain IP addresses only.");
        }
        List<InetAddress> addresses;
        boolean literal;
        try {
            Optional<InetAddress> address = AddressGuard.literal(host);
            literal = address.isPresent();
            addresses = literal ? List.of(address.get()) : List.copyOf(resolver.resolve(host));
        } catch (UnknownHostException e) {
            throw new FetchException(context + host + " was not found (no such host).", e);
        }
        if (addresses.isEmpty()) {
            throw new FetchException(context + host + " was not found (no such host).");
        }
        // One refused address refuses the host: picking the good one would still let DNS steer some fetches.
        for (InetAddress address : addresses) {
            Optional<String> refusal = addressCheck.apply(address);
            if (refusal.isPresent()) {
                String where = literal ? address.getHostAddress() + " is " + refusal.get()
                        : host + " resolves to " + address.getHostAddress() + ", " + refusal.get();
                throw new FetchException(context + where + "; Footnote fetches only public addresses.");
            }
        }
        return addresses;
    }

    private Fetched read(URI requested, HttpUrl url, Response response) throws IOException, FetchException {
        ResponseBody body = response.body();
        MediaType declared = Optional.ofNullable(response.header("Content-Type")).map(MediaType::parse).orElse(null);
        String mediaType = declared == null ? OCTET_STREAM
                : (declared.type() + "/" + declared.subtype()).toLowerCase(Locale.ROOT);
        if (!READABLE_TYPES.contains(mediaType) && !mediaType.equals(OCTET_STREAM)) {
            throw new FetchException(show(url) + " is " + mediaType + ", which Footnote cannot read.");
        }
        String encoding = response.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // OkHttp removes the header once it has decoded gzip; anything left is an encoding nobody asked for.
            throw new FetchException(show(url) + " is compressed as " + encoding.strip()
                    + ", which Footnote cannot read.");
        }
        if (body == null) {
            throw new FetchException(show(url) + " sent no content.");
        }
        if (body.contentLength() > settings.maxBytes()) {
            throw tooLarge(url);
        }
        byte[] bytes = readCapped(body.source(), url);
        Optional<Charset> charset = Optional.ofNullable(declared).map(type -> type.charset(null));
        URI finalUrl = url.uri();
        if (mediaType.equals(OCTET_STREAM)
                && DocumentKind.of(mediaType, Urls.fileName(finalUrl), bytes) == DocumentKind.UNSUPPORTED) {
            throw new FetchException(show(url) + " is " + OCTET_STREAM + " and does not look like a page, feed, PDF "
                    + "or text file, which is all Footnote can read.");
        }
        return new Fetched(requested, finalUrl, mediaType, charset, bytes);
    }

    /** Reads at most {@code maxBytes}: the count is of decompressed bytes, so a gzip bomb stops at the cap. */
    private byte[] readCapped(BufferedSource source, HttpUrl url) throws IOException, FetchException {
        long max = settings.maxBytes();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 8192) != -1) {
            if (buffer.size() > max) {
                buffer.clear();
                throw tooLarge(url);
            }
        }
        return buffer.readByteArray();
    }

    private FetchException tooLarge(HttpUrl url) {
        return new FetchException(show(url) + " is larger than " + Urls.size(settings.maxBytes()) + ".");
    }

    private FetchException failure(HttpUrl url, IOException e) {
        String shown = show(url);
        if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                .contains("connect")) {
            return new FetchException(shown + " could not be reached within "
                    + seconds(settings.connectTimeout()) + ".", e);
        }
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted()) {
                return new FetchException("Fetching " + shown + " was interrupted.", e);
            }
            return new FetchException(shown + " took too long to answer (Footnote waits "
                    + seconds(settings.readTimeout()) + " for data and "
                    + seconds(settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2)))
                    + " in all).", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new FetchException(shown + " could not be reached (" + url.host() + " refused the connection).", e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(url.host() + " was not found (no such host).", e);
        }
        if (e instanceof SSLException) {
            return new FetchException(shown + " has no valid HTTPS set-up (" + e.getMessage() + ").", e);
        }
        if (e instanceof java.util.zip.ZipException || e.getCause() instanceof java.util.zip.DataFormatException) {
            return new FetchException(shown + " sent a compressed answer that is damaged.", e);
        }
        // Other failures say what a library met mid-read ("unexpected end of stream", a decoder's complaint): the
        // moderator can act only on "it broke off", and the log keeps the cause.
        log.info("Fetching {} failed", shown, e);
        return new FetchException("Fetching " + shown + " failed: the answer broke off or could not be read.", e);
    }

    private String ports() {
        List<String> sorted = settings.allowedPorts().stream().sorted().map(String::valueOf).collect(Collectors.toList());
        if (sorted.size() == 1) {
            return "port " + sorted.get(0);
        }
        return "ports " + String.join(", ", sorted.subList(0, sorted.size() - 1)) + " and " + sorted.get(sorted.size() - 1);
    }

    private static String status(Response response) {
        String reason = response.message().isBlank() ? REASONS.getOrDefault(response.code(), "") : response.message();
        return (response.code() + " " + reason).strip();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String show(HttpUrl url) {
        return Urls.display(url.toString());
    }

    /**
     * OkHttp's name lookup for one hop: answers with exactly the addresses that were checked, for exactly the host
     * that was checked, so the connection cannot go where a second DNS answer points (DNS rebinding).
     */
    record PinnedDns(String host, List<InetAddress> addresses) implements Dns {

        PinnedDns {
            addresses = List.copyOf(addresses);
        }

        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            if (!hostname.equalsIgnoreCase(host)) {
                throw new UnknownHostException(hostname + " was not checked");
            }
            return addresses;
        }
    }
}
