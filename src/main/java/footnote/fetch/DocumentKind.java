package footnote.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a fetched or uploaded document is, told apart by its content (and, as a hint, its media type / file name). */
public enum DocumentKind {
    HTML, FEED, PDF, TEXT, MARKDOWN, UNSUPPORTED;

    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> MARKDOWN_TYPES = Set.of("text/markdown", "text/x-markdown");

    /**
     * Tells the kind. Content decides first, because servers mislabel: a body starting {@code %PDF-} is a PDF, an
     * XML document whose root is {@code rss}, {@code feed} or {@code rdf:RDF} is a feed, whatever the label. Then
     * HTML by media type or a leading {@code <!doctype html>} / {@code <html>}; then text or Markdown by media type
     * or file extension ({@code .txt}, {@code .md}, {@code .markdown}), if the bytes look like text at all.
     *
     * @param mediaType the declared media type, parameters allowed; null or blank when unknown
     * @param fileName the file name (an upload's, or a URL's last path segment), as a hint
     */
    public static DocumentKind of(String mediaType, Optional<String> fileName, byte[] body) {
        String type = normalise(mediaType);
        String name = fileName.map(n -> n.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (startsWithPdf(body)) {
            return PDF;
        }
        Optional<String> root = Xml.rootElement(body, SNIFF_BYTES);
        if (root.isPresent() && isFeedRoot(root.get())) {
            return FEED;
        }
        if (HTML_TYPES.contains(type) || root.map(r -> r.equalsIgnoreCase("html")).orElse(false)
                || Xml.startsWithDoctypeHtml(body)) {
            return HTML;
        }
        boolean textual = looksLikeText(body);
        if (textual && (MARKDOWN_TYPES.contains(type) || name.endsWith(".md") || name.endsWith(".markdown"))) {
            return MARKDOWN;
        }
        if (textual && (type.equals("text/plain") || name.endsWith(".txt"))) {
            return TEXT;
        }
        if ((name.endsWith(".html") || name.endsWith(".htm")) && textual) {
            return HTML;
        }
        return UNSUPPORTED;
    }

    static boolean isFeedRoot(String root) {
        return root.equals("rss") || root.equals("feed") || root.equals("rdf:RDF") || root.endsWith(":feed");
    }

    private static String normalise(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithPdf(byte[] body) {
        // PDF readers accept the header anywhere in the first kilobyte; so does PDFBox.
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(body.length - magic.length, 1024);
        for (int i = 0; i <= limit; i++) {
            boolean match = true;
            for (int j = 0; j < magic.length && match; j++) {
                match = body[i + j] == magic[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** Text has no NUL bytes (UTF-16 with its byte-order mark aside) and few other control characters. */
    private static boolean looksLikeText(byte[] body) {
        if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return true;
        }
        int n = Math.min(body.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control * 100 <= n;
    }
}
