package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * How the bot fetches the URLs moderators give it: the YAML section {@code fetch}. It refuses loopback, private,
 * link-local and cloud-metadata addresses and ports other than those listed, on the first request and on every
 * redirect.
 *
 * @param unsafeAllowPrivateAddresses lets the bot fetch from loopback and private networks: only for tests
 *                                    and closed setups, since any moderator could then reach internal services
 */
public record FetchConfig(Long maxBytes, Integer connectTimeoutSeconds, Integer readTimeoutSeconds,
        Integer maxRedirects, List<Integer> allowedPorts, Boolean unsafeAllowPrivateAddresses) {

    public FetchConfig {
        maxBytes = requireNonNullElse(maxBytes, 10L * 1024 * 1024);
        connectTimeoutSeconds = requireNonNullElse(connectTimeoutSeconds, 10);
        readTimeoutSeconds = requireNonNullElse(readTimeoutSeconds, 30);
        maxRedirects = requireNonNullElse(maxRedirects, 5);
        allowedPorts = List.copyOf(requireNonNullElse(allowedPorts, List.of(80, 443)));
        unsafeAllowPrivateAddresses = requireNonNullElse(unsafeAllowPrivateAddresses, false);
    }

    public static FetchConfig defaults() {
        return new FetchConfig(null, null, null, null, null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(maxBytes >= 1024, "fetch.maxBytes must be at least 1024")
                .check(connectTimeoutSeconds >= 1 && readTimeoutSeconds >= 1,
                        "fetch timeouts must be at least 1 second")
                .check(maxRedirects >= 0 && maxRedirects <= 20, "fetch.maxRedirects must be between 0 and 20")
                .check(allowedPorts.stream().allMatch(p -> p >= 1 && p <= 65535),
                        "fetch.allowedPorts must be port numbers")
                .list();
    }
}
