package footnote.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host names to addresses: the system's DNS, or in tests an answer the test controls. */
@FunctionalInterface
interface Resolver {

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address the host has; never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
