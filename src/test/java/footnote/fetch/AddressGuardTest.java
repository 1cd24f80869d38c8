package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules over address values only: no name is ever resolved here. */
class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0         | the unspecified address",
            "0.1.2.3         | a reserved address (this network)",
            "10.0.0.5        | a private address",
            "10.255.255.255  | a private address",
            "100.64.0.1      | a shared (carrier-grade NAT) address",
            "100.100.100.200 | a shared (carrier-grade NAT) address",
            "100.127.255.255 | a shared (carrier-grade NAT) address",
            "127.0.0.1       | a loopback address",
            "127.255.255.254 | a loopback address",
            "169.254.169.254 | a link-local address",
            "172.16.0.1      | a private address",
            "172.31.255.255  | a private address",
            "192.0.0.8       | a reserved address (IETF protocol assignments)",
            "192.168.1.1     | a private address",
            "198.18.0.1      | a reserved address (benchmarking)",
            "198.19.255.255  | a reserved address (benchmarking)",
            "224.0.0.1       | a multicast address",
            "239.255.255.250 | a multicast address",
            "240.0.0.1       | a reserved address",
            "255.255.255.255 | a broadcast address",
    })
    void refuses_ipv4_addresses_that_are_not_public(String address, String kind) throws Exception {
        assertThat(AddressGuard.refusal(v4(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255",
            "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0",
            "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255"})
    void accepts_public_ipv4_addresses_even_next_to_a_refused_block(String address) throws Exception {
        assertThat(AddressGuard.refusal(v4(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "::                      | the unspecified address",
            "::1                     | a loopback address",
            "fe80::1                 | a link-local address",
            "febf:ffff::1            | a link-local address",
            "fc00::1                 | a unique-local (private) address",
            "fd00:ec2::254           | a unique-local (private) address",
            "ff02::1                 | a multicast address",
            "fec0::1                 | a site-local (private) address",
            "2001:db8::1             | a documentation address",
            "2001:0:4136:e378::1     | a Teredo tunnel address",
    })
    void refuses_ipv6_addresses_that_are_not_public(String address, String kind) throws Exception {
        assertThat(AddressGuard.refusal(v6(address))).contains(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "::ffff:127.0.0.1          | a loopback address embedded in IPv6",
            "::ffff:10.0.0.5           | a private address embedded in IPv6",
            "::ffff:0:169.254.169.254  | a link-local address embedded in IPv6",
            "::127.0.0.1               | a loopback address embedded in IPv6",
            "::192.168.0.1             | a private address embedded in IPv6",
            "64:ff9b::169.254.169.254  | a link-local address embedded in IPv6",
            "64:ff9b::100.100.100.200  | a shared (carrier-grade NAT) address embedded in IPv6",
            "2002:7f00:1::1            | a loopback address embedded in IPv6",
            "2002:c0a8:101::1          | a private address embedded in IPv6",
    })
    void judges_ipv4_embedded_in_ipv6_by_the_ipv4_address(String address, String kind) throws Exception {
        assertThat(AddressGuard.refusal(v6(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700:4700::1111", "2a00:1450:4001:800::200e", "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8", "2002:808:808::1", "2001:4860::8888"})
    void accepts_public_ipv6_addresses_including_public_ipv4_embedded(String address) throws Exception {
        assertThat(AddressGuard.refusal(v6(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "0x7f.1", "127.1", "0177.0.0.1", "127.000.000.001",
            "10.0.0.1.", "example.123", "1.2.3"})
    void calls_hosts_that_are_numbers_in_an_unusual_form_unusual(String host) {
        assertThat(AddressGuard.isUnusualNumericHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "127.0.0.1", "::1", "1password.com", "123.example", "www.0x.org"})
    void does_not_call_names_or_plain_addresses_unusual(String host) {
        assertThat(AddressGuard.isUnusualNumericHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "localhost", "metadata.google.internal"})
    void takes_only_plain_addresses_as_literals_so_names_go_to_the_resolver(String host) throws Exception {
        assertThat(AddressGuard.literal(host)).isEmpty();
    }

    private static InetAddress v4(String dotted) throws UnknownHostException {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return InetAddress.getByAddress(bytes);
    }

    /** An Inet6Address as a connection would see it, kept in IPv6 form even when it maps an IPv4 address. */
    private static InetAddress v6(String literal) throws UnknownHostException {
        if (literal.indexOf(':') < 0) {
            throw new IllegalArgumentException(literal);
        }
        byte[] parsed = InetAddress.getByName(literal).getAddress(); // an IPv6 literal: parsed, never looked up
        byte[] bytes = new byte[16];
        if (parsed.length == 4) {
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(parsed, 0, bytes, 12, 4);
        } else {
            bytes = parsed;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
