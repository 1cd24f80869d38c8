package footnote.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** URLs and sizes as a moderator reads them in a message. */
final class Urls {

    private static final int MAX_SHOWN = 200;

    private Urls() {
    }

    /** The URL without any user name or password, shortened if very long. */
    static String display(URI url) {
        String text = url.getRawUserInfo() == null ? url.toString() : withoutUserInfo(url);
        return shorten(text);
    }

    static String display(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd >= 0) {
            int authorityEnd = firstOf(url, "/?#", schemeEnd + 3);
            int at = url.lastIndexOf('@', authorityEnd - 1);
            if (at > schemeEnd) {
                url = url.substring(0, schemeEnd + 3) + url.substring(at + 1);
            }
        }
        return shorten(url);
    }

    /** The last path segment, when it looks like a file name ({@code report.pdf}). */
    static Optional<String> fileName(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? Optional.empty() : Optional.of(last);
    }

    /** {@code 10 MB}, {@code 512 KB}, {@code 300 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return number(bytes / (1024.0 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return number(bytes / 1024.0) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static String withoutUserInfo(URI url) {
        return display(url.toString());
    }

    private static int firstOf(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 1) + "…";
    }
}
