package footnote.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A look at an XML document's prolog without parsing it: its root element's name, and its DOCTYPE. Parsers are
 * where XML attacks happen, so Footnote looks first and only hands a parser what it is willing to parse.
 */
final class Xml {

    /** Where a DOCTYPE declaration sits in the text, and whether it declares anything of its own. */
    record Doctype(int start, int end, boolean internalSubset) {
    }

    private Xml() {
    }

    /** The root element's qualified name ({@code rss}, {@code rdf:RDF}), if the bytes start like XML or HTML. */
    static Optional<String> rootElement(byte[] body, int maxBytes) {
        String text = decodeStart(body, maxBytes);
        int i = skipProlog(text);
        if (i < 0 || i >= text.length() || text.charAt(i) != '<') {
            return Optional.empty();
        }
        int start = i + 1;
        int end = start;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return end > start && Character.isLetter(text.charAt(start))
                ? Optional.of(text.substring(start, end)) : Optional.empty();
    }

    /** True when the text starts (after a byte-order mark, whitespace and comments) with {@code <!doctype html}. */
    static boolean startsWithDoctypeHtml(byte[] body) {
        String text = decodeStart(body, 4096);
        int i = 0;
        while (true) {
            i = skipSpace(text, i);
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                if (close < 0) {
                    return false;
                }
                i = close + 3;
            } else {
                break;
            }
        }
        return text.regionMatches(true, i, "<!doctype html", 0, 14);
    }

    /** The DOCTYPE declaration in the prolog, if there is one. */
    static Optional<Doctype> doctype(String text) {
        int i = 0;
        while (i < text.length()) {
            i = skipSpace(text, i);
            if (text.startsWith("<?", i)) {
                int close = text.indexOf("?>", i + 2);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close + 2;
            } else if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close + 3;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return Optional.of(scanDoctype(text, i));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Doctype scanDoctype(String text, int start) {
        char quote = 0;
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                // An internal subset: entity declarations, the stuff of billion-laughs and external-entity attacks.
                return new Doctype(start, text.length(), true);
            } else if (c == '>') {
                return new Doctype(start, i + 1, false);
            }
        }
        return new Doctype(start, text.length(), true);
    }

    /** Index of the first element's {@code <}, past a byte-order mark, declarations, comments and a DOCTYPE. */
    private static int skipProlog(String text) {
        int i = 0;
        while (i < text.length()) {
            i = skipSpace(text, i);
            if (text.startsWith("<?", i)) {
                int close = text.indexOf("?>", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                if (close < 0) {
                    return -1;
                }
                i = close + 3;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                Doctype doctype = scanDoctype(text, i);
                if (doctype.internalSubset()) {
                    int close = text.indexOf("]>", i);
                    if (close < 0) {
                        return -1;
                    }
                    i = close + 2;
                } else {
                    i = doctype.end();
                }
            } else {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.';
    }

    /** The first bytes as text: UTF-16 when a byte-order mark or the zero bytes of {@code <?} say so, else Latin-1. */
    private static String decodeStart(byte[] body, int maxBytes) {
        int n = Math.min(body.length, maxBytes);
        Charset charset = StandardCharsets.ISO_8859_1;
        if (n >= 2) {
            int b0 = body[0] & 0xff;
            int b1 = body[1] & 0xff;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<')) {
                charset = StandardCharsets.UTF_16BE;
            } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0)) {
                charset = StandardCharsets.UTF_16LE;
            }
        }
        // Latin-1 maps every byte to one char, so UTF-8 markup reads correctly as far as the ASCII names go.
        String text = new String(body, 0, n, charset);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            return text.substring(3);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
