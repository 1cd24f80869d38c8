package footnote.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses Footnote may connect to: public unicast addresses only. A moderator's URL must not reach the
 * bot's own machine, its network, or a cloud metadata service (169.254.169.254, 100.100.100.200, fd00:ec2::254),
 * whatever name or notation the URL uses for them.
 */
final class AddressGuard {

    private record Block(byte[] network, int prefix, String kind) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    // Order matters only for the name a refusal gives: the narrower block comes first.
    private static final List<Block> IPV4 = List.of(
            v4("255.255.255.255", 32, "a broadcast address"),
            v4("0.0.0.0", 32, "the unspecified address"),
            v4("0.0.0.0", 8, "a reserved address (this network)"),
            v4("10.0.0.0", 8, "a private address"),
            v4("100.64.0.0", 10, "a shared (carrier-grade NAT) address"),
            v4("127.0.0.0", 8, "a loopback address"),
            v4("169.254.0.0", 16, "a link-local address"),
            v4("172.16.0.0", 12, "a private address"),
            v4("192.0.0.0", 24, "a reserved address (IETF protocol assignments)"),
            v4("192.0.2.0", 24, "a documentation address"),
            v4("192.88.99.0", 24, "a reserved address (6to4 relay)"),
            v4("192.168.0.0", 16, "a private address"),
            v4("198.18.0.0", 15, "a reserved address (benchmarking)"),
            v4("198.51.100.0", 24, "a documentation address"),
            v4("203.0.113.0", 24, "a documentation address"),
            v4("224.0.0.0", 4, "a multicast address"),
            v4("240.0.0.0", 4, "a reserved address"));

    private static final List<Block> IPV6 = List.of(
            v6("::", 128, "the unspecified address"),
            v6("::1", 128, "a loopback address"),
            v6("100::", 64, "a reserved address (discard-only)"),
            v6("64:ff9b:1::", 48, "a reserved address (local NAT64)"),
            v6("2001::", 32, "a Teredo tunnel address"),
            v6("2001:db8::", 32, "a documentation address"),
            v6("fc00::", 7, "a unique-local (private) address"),
            v6("fe80::", 10, "a link-local address"),
            v6("fec0::", 10, "a site-local (private) address"),
            v6("ff00::", 8, "a multicast address"));

    // Prefixes under which an IPv6 address carries an IPv4 one, which is what the connection really reaches.
    private static final Block IPV4_MAPPED = v6("::ffff:0:0", 96, "");
    private static final Block IPV4_TRANSLATED = v6("::ffff:0:0:0", 96, "");
    private static final Block IPV4_COMPATIBLE = v6("::", 96, "");
    private static final Block NAT64 = v6("64:ff9b::", 96, "");
    private static final Block SIX_TO_FOUR = v6("2002::", 16, "");

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");

    private AddressGuard() {
    }

    /** Why the address may not be fetched from, as "a private address"; empty when it is public. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(bytes);
        }
        return Optional.of("an address of an unknown kind");
    }

    private static Optional<String> refusalV4(byte[] bytes) {
        return IPV4.stream().filter(b -> b.contains(bytes)).map(Block::kind).findFirst();
    }

    private static Optional<String> refusalV6(byte[] bytes) {
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            // ::ffff:127.0.0.1 reaches 127.0.0.1; the IPv4 address decides. A public one embedded is fine.
            return refusalV4(embedded.get()).map(kind -> kind + " embedded in IPv6");
        }
        return IPV6.stream().filter(b -> b.contains(bytes)).map(Block::kind).findFirst();
    }

    /** The IPv4 address an IPv6 address stands for: mapped, translated, compatible, NAT64 or 6to4. */
    static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return Optional.empty();
        }
        if (IPV4_MAPPED.contains(v6) || IPV4_TRANSLATED.contains(v6) || NAT64.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (IPV4_COMPATIBLE.contains(v6) && !isZeroOrOne(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }

    // :: and ::1 are the unspecified and loopback addresses, not IPv4-compatible ones.
    private static boolean isZeroOrOne(byte[] v6) {
        for (int i = 0; i < 15; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[15] == 0 || v6[15] == 1;
    }

    /**
     * The address a host names by itself, without DNS: a plain dotted quad ({@code 93.184.216.34}) or an IPv6
     * literal as OkHttp's {@code HttpUrl} gives it (without brackets). Empty for a host name.
     */
    static Optional<InetAddress> literal(String host) throws UnknownHostException {
        if (host.indexOf(':') >= 0 || DOTTED_QUAD.matcher(host).matches()) {
            // Both forms are parsed by the JDK without any lookup, and OkHttp parses them the same way to connect.
            return Optional.of(InetAddress.getByName(host));
        }
        return Optional.empty();
    }

    /**
     * True for hosts that are numbers in some other notation: {@code 2130706433}, {@code 0x7f.1}, {@code 127.1},
     * {@code 0177.0.0.1}. Browsers, the JDK and OkHttp read these differently (octal or decimal, as IP or name), so
     * Footnote refuses them rather than guess which address they mean.
     */
    static boolean isUnusualNumericHost(String host) {
        if (DOTTED_QUAD.matcher(host).matches() || host.indexOf(':') >= 0) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.isEmpty() || NUMERIC_LABEL.matcher(last).matches();
    }

    private static Block v4(String network, int prefix, String kind) {
        return new Block(parse(network), prefix, kind);
    }

    private static Block v6(String network, int prefix, String kind) {
        byte[] bytes = parse(network);
        if (bytes.length == 4) {
            // The JDK turns ::ffff:a.b.c.d into an IPv4 address; the block must stay in IPv6 form.
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, v6, 12, 4);
            bytes = v6;
        }
        return new Block(bytes, prefix, kind);
    }

    private static byte[] parse(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
