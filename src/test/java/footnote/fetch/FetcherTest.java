package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetch guards, against a server on 127.0.0.1 started by each test. Nothing here leaves loopback. */
class FetcherTest {

    private static final String PAGE = "<!doctype html><html><head><title>Zeppelins</title></head>"
            + "<body><p>Airships floated over the city.</p></body></html>";
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private WebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = WebServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Settings for the test server: its port allowed, loopback allowed, short timeouts. */
    private FetchSettings local() {
        return FetchSettings.defaults()
                .withAllowedPorts(Set.of(server.port()))
                .withAllowPrivateAddresses(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private Fetched fetch(FetchSettings settings, URI url) throws FetchException {
        try (Fetcher fetcher = new Fetcher(settings)) {
            return fetcher.get(url);
        }
    }

    /** The real address rules, except that 127.0.0.1 (the test server) counts as public. */
    private static Function<InetAddress, Optional<String>> publicExceptTestServer() {
        return address -> Arrays.equals(address.getAddress(), LOOPBACK) ? Optional.empty()
                : AddressGuard.refusal(address);
    }

    private static Resolver noDns() {
        return host -> {
            throw new AssertionError("no lookup expected, but " + host + " was looked up");
        };
    }

    @Test
    void fetches_a_page_with_its_media_type_charset_and_body() throws Exception {
        server.serve("/zeppelins", Page.of("text/html; charset=ISO-8859-1", PAGE));

        Fetched fetched = fetch(local(), server.url("/zeppelins"));

        assertThat(fetched.mediaType()).isEqualTo("text/html");
        assertThat(fetched.charset()).contains(StandardCharsets.ISO_8859_1);
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(fetched.requestedUrl()).isEqualTo(server.url("/zeppelins"));
        assertThat(fetched.finalUrl()).isEqualTo(server.url("/zeppelins"));
        assertThat(fetched.kind()).isEqualTo(DocumentKind.HTML);
        assertThat(server.userAgents()).containsExactly(FetchSettings.defaults().userAgent());
    }

    @Test
    void refuses_loopback_by_default_even_where_a_server_listens() {
        server.serve("/zeppelins", Page.of("text/html", PAGE));
        FetchSettings defaults = FetchSettings.defaults().withAllowedPorts(Set.of(server.port()));

        assertThatThrownBy(() -> fetch(defaults, server.url("/zeppelins")))
                .isInstanceOf(FetchException.class)
                .hasMessage("127.0.0.1 is a loopback address; Footnote fetches only public addresses.");
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
            "http://10.0.0.5/", "https://192.168.1.1/admin", "http://0.0.0.0/", "http://[::]/"})
    void refuses_a_literal_address_that_is_not_public_without_connecting(String url) {
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), noDns(), AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create(url)))
                    .isInstanceOf(FetchException.class)
                    .hasMessageEndingWith("; Footnote fetches only public addresses.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "metadata.google.internal", "intranet.example"})
    void refuses_a_url_that_resolves_to_a_private_address(String host) {
        Resolver resolver = name -> List.of(InetAddress.getByAddress(name,
                name.equals("localhost") ? LOOPBACK : new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), resolver, AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create("http://" + host + "/")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageStartingWith(host + " resolves to ")
                    .hasMessageEndingWith("; Footnote fetches only public addresses.");
        }
    }

    @Test
    void refuses_a_host_when_any_of_its_addresses_is_private_rather_than_picking_the_good_one() {
        server.serve("/", Page.of("text/html", PAGE));
        Resolver resolver = name -> List.of(InetAddress.getByAddress(name, LOOPBACK),
                InetAddress.getByAddress(name, new byte[] {10, 0, 0, 5}));
        try (Fetcher fetcher = new Fetcher(local(), resolver, publicExceptTestServer())) {
            assertThatThrownBy(() -> fetcher.get(URI.create("http://mixed.test:" + server.port() + "/")))
                    .isInstanceOf(FetchException.class)
                    .hasMessage("mixed.test resolves to 10.0.0.5, a private address; Footnote fetches only public "
                            + "addresses.");
        }
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/file.txt", "jar:file:///app.jar!/x.html",
            "gopher://example.org/", "javascript:alert(1)", "data:text/html,hello"})
    void fetches_only_http_and_https(String url) {
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), noDns(), AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create(url)))
                    .isInstanceOf(FetchException.class)
                    .hasMessageEndingWith("is not a web address; Footnote fetches only http and https.");
        }
    }

    @Test
    void refuses_a_url_without_a_scheme() {
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), noDns(), AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create("example.org/page")))
                    .hasMessage("example.org/page is not a full web address; it must start with https://.");
        }
    }

    @Test
    void refuses_a_port_that_is_not_allowed_before_connecting() {
        server.serve("/", Page.of("text/html", PAGE));
        FetchSettings settings = FetchSettings.defaults().withAllowPrivateAddresses(true);

        assertThatThrownBy(() -> fetch(settings, server.url("/")))
                .isInstanceOf(FetchException.class)
                .hasMessage(server.url("/") + " uses port " + server.port()
                        + "; Footnote fetches only from ports 80 and 443.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refuses_a_url_with_a_user_name_or_password_and_does_not_repeat_them() {
        server.serve("/", Page.of("text/html", PAGE));
        URI url = URI.create("http://admin:hunter2@127.0.0.1:" + server.port() + "/");

        assertThatThrownBy(() -> fetch(local(), url))
                .isInstanceOf(FetchException.class)
                .hasMessage("http://127.0.0.1:" + server.port() + "/ has a user name or password in it; Footnote "
                        + "does not send credentials.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(server.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://0177.0.0.1/"})
    void refuses_hosts_written_as_numbers_in_unusual_forms(String url) {
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), noDns(), AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create(url)))
                    .isInstanceOf(FetchException.class)
                    .hasMessageEndingWith("gives its host as a number in an unusual form; Footnote accepts host names "
                            + "and plain IP addresses only.");
        }
    }

    @Test
    void says_when_a_host_does_not_exist() {
        Resolver none = host -> {
            throw new UnknownHostException(host);
        };
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), none, AddressGuard::refusal)) {
            assertThatThrownBy(() -> fetcher.get(URI.create("https://no-such-host.test/")))
                    .hasMessage("no-such-host.test was not found (no such host).");
        }
    }

    @Test
    void follows_redirects_and_reports_where_the_page_was_found() throws Exception {
        server.redirect("/old", 301, "/middle")
                .redirect("/middle", 302, server.url("/new").toString())
                .serve("/new", Page.of("text/html", PAGE));

        Fetched fetched = fetch(local(), server.url("/old"));

        assertThat(fetched.requestedUrl()).isEqualTo(server.url("/old"));
        assertThat(fetched.finalUrl()).isEqualTo(server.url("/new"));
        assertThat(server.requests()).containsExactly("/old", "/middle", "/new");
    }

    @Test
    void gives_up_after_the_allowed_number_of_redirects() {
        for (int i = 0; i < 4; i++) {
            server.redirect("/r" + i, 307, "/r" + (i + 1));
        }
        server.serve("/r4", Page.of("text/html", PAGE));

        assertThatThrownBy(() -> fetch(local().withMaxRedirects(3), server.url("/r0")))
                .isInstanceOf(FetchException.class)
                .hasMessage(server.url("/r0") + " redirected more than 3 times; Footnote gave up.");
        assertThat(server.requests()).containsExactly("/r0", "/r1", "/r2", "/r3");
    }

    @Test
    void a_redirect_loop_ends_at_the_redirect_limit() {
        server.redirect("/loop", 302, "/loop");

        assertThatThrownBy(() -> fetch(local(), server.url("/loop")))
                .hasMessageContaining("redirected more than 5 times");
        assertThat(server.requests()).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "jar:file:///a.jar!/b", "gopher://x/"})
    void never_follows_a_redirect_to_another_scheme(String location) {
        server.redirect("/start", 302, location);

        assertThatThrownBy(() -> fetch(local(), server.url("/start")))
                .isInstanceOf(FetchException.class)
                .hasMessageEndingWith("address; Footnote fetches only http and https.");
        assertThat(server.requests()).containsExactly("/start");
    }

    @Test
    void checks_the_port_of_every_redirect_hop() {
        server.redirect("/start", 302, "http://127.0.0.1:22/");

        assertThatThrownBy(() -> fetch(local(), server.url("/start")))
                .hasMessage(server.url("/start") + " redirected to http://127.0.0.1:22/: http://127.0.0.1:22/ uses "
                        + "port 22; Footnote fetches only from port " + server.port() + ".");
    }

    @Test
    void refuses_a_redirect_to_a_private_address_and_never_connects_there() throws Exception {
        try (WebServer trap = WebServer.startOn("127.0.0.2", 0)) {
            trap.serve("/", Page.of("text/html", PAGE));
            server.redirect("/start", 302, "http://127.0.0.2:" + trap.port() + "/");
            FetchSettings settings = local().withAllowedPorts(Set.of(server.port(), trap.port()));

            try (Fetcher fetcher = new Fetcher(settings, noDns(), publicExceptTestServer())) {
                assertThatThrownBy(() -> fetcher.get(server.url("/start")))
                        .isInstanceOf(FetchException.class)
                        .hasMessage(server.url("/start") + " redirected to http://127.0.0.2:" + trap.port() + "/: "
                                + "127.0.0.2 is a loopback address; Footnote fetches only public addresses.");
            }
            assertThat(server.requests()).containsExactly("/start");
            assertThat(trap.requests()).isEmpty();
        }
    }

    @Test
    void refuses_a_redirect_to_a_name_that_resolves_to_cloud_metadata() {
        server.redirect("/start", 302, "http://metadata.test:" + server.port() + "/latest/meta-data/");
        Resolver resolver = name -> List.of(InetAddress.getByAddress(name,
                new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));

        try (Fetcher fetcher = new Fetcher(local(), resolver, publicExceptTestServer())) {
            assertThatThrownBy(() -> fetcher.get(server.url("/start")))
                    .hasMessageEndingWith("metadata.test resolves to 169.254.169.254, a link-local address; Footnote "
                            + "fetches only public addresses.");
        }
    }

    @Test
    void connects_only_to_the_address_it_checked_even_when_dns_answers_differently_later() throws Exception {
        // DNS rebinding: the first answer passes the check, later answers point at a private address.
        try (WebServer trap = WebServer.startOn("127.0.0.2", server.port())) {
            trap.serve("/", Page.of("text/html", "secret"));
            server.serve("/", Page.of("text/html", PAGE));
            AtomicInteger lookups = new AtomicInteger();
            Resolver rebinding = name -> List.of(InetAddress.getByAddress(name,
                    lookups.getAndIncrement() == 0 ? LOOPBACK : new byte[] {127, 0, 0, 2}));

            try (Fetcher fetcher = new Fetcher(local(), rebinding, publicExceptTestServer())) {
                Fetched fetched = fetcher.get(URI.create("http://rebind.test:" + server.port() + "/"));

                assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
            }
            assertThat(lookups).hasValue(1);
            assertThat(server.requests()).containsExactly("/");
            assertThat(trap.requests()).isEmpty();
        }
    }

    @Test
    void checks_the_address_again_on_a_redirect_to_the_same_host() throws Exception {
        try (WebServer trap = WebServer.startOn("127.0.0.2", server.port())) {
            trap.serve("/", Page.of("text/html", "secret"));
            server.redirect("/start", 302, "/next").serve("/next", Page.of("text/html", PAGE));
            AtomicInteger lookups = new AtomicInteger();
            Resolver rebinding = name -> List.of(InetAddress.getByAddress(name,
                    lookups.getAndIncrement() == 0 ? LOOPBACK : new byte[] {127, 0, 0, 2}));

            try (Fetcher fetcher = new Fetcher(local(), rebinding, publicExceptTestServer())) {
                assertThatThrownBy(() -> fetcher.get(URI.create("http://rebind.test:" + server.port() + "/start")))
                        .hasMessageEndingWith("rebind.test resolves to 127.0.0.2, a loopback address; Footnote "
                                + "fetches only public addresses.");
            }
            assertThat(lookups).hasValue(2);
            assertThat(server.requests()).containsExactly("/start");
            assertThat(trap.requests()).isEmpty();
        }
    }

    @Test
    void the_pinned_lookup_answers_only_for_the_checked_host_with_the_checked_addresses() throws Exception {
        InetAddress checked = InetAddress.getByAddress("site.test", new byte[] {93, (byte) 184, (byte) 216, 34});
        Fetcher.PinnedDns dns = new Fetcher.PinnedDns("site.test", List.of(checked));

        assertThat(dns.lookup("site.test")).containsExactly(checked);
        assertThat(dns.lookup("SITE.test")).containsExactly(checked);
        assertThatThrownBy(() -> dns.lookup("other.test")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void stops_reading_a_gzip_bomb_at_the_size_limit() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        server.on("/bomb", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bomb);
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetch(local().withMaxBytes(1024 * 1024), server.url("/bomb")))
                .isInstanceOf(FetchException.class)
                .hasMessage(server.url("/bomb") + " is larger than 1 MB.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_damaged_gzip_body_is_reported_in_words_without_the_decoders_exception() throws Exception {
        byte[] body = gzip(PAGE.getBytes(StandardCharsets.UTF_8));
        java.util.Arrays.fill(body, 10, Math.min(body.length - 8, 40), (byte) 0xFF); // after the header: the data
        server.on("/damaged", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        assertThatThrownBy(() -> fetch(local(), server.url("/damaged")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith(server.url("/damaged").toString())
                .hasMessageEndingWith("sent a compressed answer that is damaged.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "Exception"));
    }

    @Test
    void decompresses_a_gzipped_page() throws Exception {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        server.on("/gz", exchange -> {
            byte[] body = gzip(page);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        assertThat(fetch(local(), server.url("/gz")).body()).isEqualTo(page);
    }

    @Test
    void refuses_a_declared_length_over_the_limit_before_reading() {
        server.on("/big", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            exchange.getResponseBody().write(new byte[1024]);
        });

        assertThatThrownBy(() -> fetch(local().withMaxBytes(10L * 1024 * 1024), server.url("/big")))
                .hasMessage(server.url("/big") + " is larger than 10 MB.");
    }

    @Test
    void refuses_an_undeclared_length_over_the_limit_while_reading() {
        server.on("/stream", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked: no length given
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                exchange.getResponseBody().write(chunk);
            }
        });

        assertThatThrownBy(() -> fetch(local().withMaxBytes(512 * 1024), server.url("/stream")))
                .hasMessage(server.url("/stream") + " is larger than 512 KB.");
    }

    @Test
    void accepts_a_body_of_exactly_the_limit() throws Exception {
        byte[] body = new byte[1000];
        Arrays.fill(body, (byte) 'a');
        server.serve("/exact", Page.of("text/plain", body));

        assertThat(fetch(local().withMaxBytes(1000), server.url("/exact")).body()).hasSize(1000);
    }

    @Test
    void gives_up_on_a_server_that_does_not_answer_in_time() {
        server.on("/slow", exchange -> {
            sleep(3000);
            WebServer.send(exchange, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        });
        FetchSettings quick = local().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetch(quick, server.url("/slow")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith(server.url("/slow") + " took too long to answer (Footnote waits 0.3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void gives_up_on_a_server_that_trickles_bytes_to_stay_under_the_read_timeout() {
        server.on("/trickle", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 40; i++) {
                exchange.getResponseBody().write('a');
                exchange.getResponseBody().flush();
                sleep(100);
            }
        });
        FetchSettings quick = local().withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetch(quick, server.url("/trickle")))
                .hasMessageStartingWith(server.url("/trickle") + " took too long to answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void says_what_a_server_answered_when_it_is_not_a_success() {
        server.on("/gone", exchange -> WebServer.send(exchange, 404, "text/html", new byte[] {'x'}))
                .on("/broken", exchange -> WebServer.send(exchange, 503, "text/html", new byte[] {'x'}));

        assertThatThrownBy(() -> fetch(local(), server.url("/gone")))
                .hasMessage(server.url("/gone") + " answered 404 Not Found.");
        assertThatThrownBy(() -> fetch(local(), server.url("/broken")))
                .hasMessage(server.url("/broken") + " answered 503 Service Unavailable.");
    }

    @Test
    void says_when_a_redirect_does_not_say_where_to() {
        server.on("/nowhere", exchange -> exchange.sendResponseHeaders(302, -1));

        assertThatThrownBy(() -> fetch(local(), server.url("/nowhere")))
                .hasMessageStartingWith(server.url("/nowhere") + " answered 302 ")
                .hasMessageEndingWith(" without saying where to.");
    }

    @Test
    void refuses_media_types_it_cannot_read_without_reading_them() {
        server.serve("/cat.png", Page.of("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        assertThatThrownBy(() -> fetch(local(), server.url("/cat.png")))
                .hasMessage(server.url("/cat.png") + " is image/png, which Footnote cannot read.");
    }

    @Test
    void accepts_an_octet_stream_only_when_its_content_is_something_it_reads() throws Exception {
        server.serve("/report", Page.of("application/octet-stream", "%PDF-1.7\n%rest".getBytes(StandardCharsets.US_ASCII)))
                .serve("/blob", Page.of("application/octet-stream", new byte[] {0, 1, 2, 3, (byte) 0xff}))
                .serve("/notes.txt", Page.of(null, "Plain notes.".getBytes(StandardCharsets.UTF_8)));

        assertThat(fetch(local(), server.url("/report")).kind()).isEqualTo(DocumentKind.PDF);
        assertThat(fetch(local(), server.url("/notes.txt")).kind()).isEqualTo(DocumentKind.TEXT);
        assertThatThrownBy(() -> fetch(local(), server.url("/blob")))
                .hasMessage(server.url("/blob") + " is application/octet-stream and does not look like a page, feed, "
                        + "PDF or text file, which is all Footnote can read.");
    }

    @Test
    void says_when_nothing_listens_at_the_address() throws Exception {
        URI closed = server.url("/");
        server.close();

        assertThatThrownBy(() -> fetch(local(), closed))
                .hasMessage(closed + " could not be reached (127.0.0.1 refused the connection).");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
