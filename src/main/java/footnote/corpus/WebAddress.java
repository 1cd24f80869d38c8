package footnote.corpus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web addresses as people type them: only http and https with a host count. */
public final class WebAddress {

    private WebAddress() {}

    /** The URL, with Discord's link-suppressing angle brackets removed; empty when it is not a web address. */
    public static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text.strip().replaceAll("^<|>$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
