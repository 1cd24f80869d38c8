package footnote.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and guards for fetching.
 *
 * @param connectTimeout how long to wait for a connection to be set up
 * @param readTimeout how long to wait for the next bytes of an answer; a whole answer (one redirect hop) must also
 *     arrive within {@code connectTimeout + 2 × readTimeout}, so a server that trickles bytes cannot hold a fetch
 * @param maxBytes the largest body accepted, counted after decompression
 * @param maxRedirects how many redirects are followed before giving up
 * @param allowedPorts the only ports fetched from (the URL's effective port: 80 for http, 443 for https)
 * @param allowPrivateAddresses turns the address checks off: only for tests that serve pages from loopback
 * @param maxFeedEntries the most entries read from one feed
 * @param userAgent sent with every request, so site owners can tell who fetches and why
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects,
        Set<Integer> allowedPorts, boolean allowPrivateAddresses, int maxFeedEntries, String userAgent) {

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(allowedPorts, "allowedPorts");
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            // OkHttp reads zero as "no timeout", the opposite of what a guard wants.
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
        if (maxFeedEntries <= 0) {
            throw new IllegalArgumentException("maxFeedEntries must be positive");
        }
        allowedPorts = Set.copyOf(allowedPorts);
        if (allowedPorts.isEmpty() || allowedPorts.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("allowedPorts must hold ports from 1 to 65535");
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // A line break here would let the value add headers of its own.
            throw new IllegalArgumentException("userAgent must be one line of printable text");
        }
    }

    /** 10 s to connect, 30 s between bytes, 10 MB, 5 redirects, ports 80 and 443, public addresses only, 50 entries. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, Set.of(80, 443),
                false, 50, "Footnote/0.1 (question-answering bot; +https://github.com/footnote)");
    }

    public FetchSettings withTimeouts(Duration connect, Duration read) {
        return new FetchSettings(connect, read, maxBytes, maxRedirects, allowedPorts, allowPrivateAddresses,
                maxFeedEntries, userAgent);
    }

    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(connectTimeout, readTimeout, bytes, maxRedirects, allowedPorts, allowPrivateAddresses,
                maxFeedEntries, userAgent);
    }

    public FetchSettings withMaxRedirects(int redirects) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, redirects, allowedPorts, allowPrivateAddresses,
                maxFeedEntries, userAgent);
    }

    public FetchSettings withAllowedPorts(Set<Integer> ports) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, maxRedirects, ports, allowPrivateAddresses,
                maxFeedEntries, userAgent);
    }

    public FetchSettings withAllowPrivateAddresses(boolean allow) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, maxRedirects, allowedPorts, allow,
                maxFeedEntries, userAgent);
    }

    public FetchSettings withMaxFeedEntries(int entries) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, maxRedirects, allowedPorts,
                allowPrivateAddresses, entries, userAgent);
    }

    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, maxRedirects, allowedPorts,
                allowPrivateAddresses, maxFeedEntries, agent);
    }
}
