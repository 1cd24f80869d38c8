package footnote.discord;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Asks Discord who the token belongs to before logging in. Javacord reports a rejected token only as "Websocket
 * closed before READY packet was received!", the same as a disallowed intent; this check tells the operator which.
 */
final class TokenCheck {

    private static final URI ME = URI.create("https://discord.com/api/v10/users/@me");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TokenCheck() {}

    /** @throws DiscordLoginException when Discord refuses the token or cannot be reached */
    static void verify(String token, ProxySelector proxies) {
        HttpResponse<Void> response;
        try {
            HttpClient client = HttpClient.newBuilder().proxy(proxies).sslContext(defaultTrust())
                    .connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(ME).timeout(TIMEOUT)
                    .header("Authorization", "Bot " + token)
                    .header("User-Agent", "DiscordBot (https://github.com/footnote, 0.1)")
                    .GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DiscordLoginException("Could not reach Discord to check the token (" + why(e)
                    + "); check the network and try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordLoginException("Interrupted while checking the token with Discord.");
        }
        if (response.statusCode() == 401) {
            throw new DiscordLoginException("Discord rejected the bot token (401 Unauthorized); check the token"
                    + " and try again.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DiscordLoginException("Discord answered " + response.statusCode() + " when asked about the"
                    + " token; try again later.");
        }
    }

    /**
     * The JVM's default trust store, read now rather than when the JVM's default context was first made, so that
     * trust store settings made after start-up count, as they do for Javacord's own HTTP client.
     */
    private static SSLContext defaultTrust() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no usable TLS setup", e);
        }
    }

    /** What went wrong, in words: many of these exceptions carry no message at all. */
    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "it did not answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "its address could not be looked up";
        }
        return e.getClass().getSimpleName();
    }
}
