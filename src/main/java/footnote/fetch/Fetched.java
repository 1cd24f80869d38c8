package footnote.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched document, whole.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl where it was found after redirects
 * @param mediaType the media type the server declared, lower-case without parameters ({@code text/html});
 *     {@code application/octet-stream} when it declared none. {@link DocumentKind#of} tells what it really is.
 * @param charset the charset the server declared, if it is one Java knows
 * @param body the body, decompressed
 */
public record Fetched(URI requestedUrl, URI finalUrl, String mediaType, Optional<Charset> charset, byte[] body) {

    public Fetched {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(body, "body");
    }

    /** What the document is, by its content, media type and the final URL's file name. */
    public DocumentKind kind() {
        return DocumentKind.of(mediaType, Urls.fileName(finalUrl), body);
    }

    @Override
    public String toString() {
        return "Fetched[" + finalUrl + ", " + mediaType + ", " + body.length + " bytes]";
    }
}
