package footnote.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCheckTest {

    @Test
    void an_unreachable_discord_is_reported_in_words_not_as_null() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // free once closed: nothing listens there
        }
        ProxySelector nowhere = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", closed)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };

        assertThatThrownBy(() -> TokenCheck.verify("not-a-real-token", nowhere))
                .isInstanceOf(DiscordLoginException.class)
                .hasMessage("Could not reach Discord to check the token (the connection was refused); check the"
                        + " network and try again.");
    }
}
