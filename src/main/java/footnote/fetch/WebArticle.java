package footnote.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article as extracted from a page, a PDF or a feed entry: what it states about itself, and its main text.
 *
 * @param published an ISO date as precise as the source states it: {@code 2025-02-01}, {@code 2025-02} or
 *     {@code 2025}
 * @param canonicalUrl the address the page gives for itself ({@code <link rel=canonical>}), when it gives one
 * @param paragraphs the main text, one entry per paragraph, heading or list item, whitespace collapsed; no
 *     navigation, ads, comments or scripts. Never empty.
 */
public record WebArticle(String title, Optional<String> author, Optional<String> siteName,
        Optional<String> published, Optional<URI> canonicalUrl, List<String> paragraphs) {

    public WebArticle {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs joined by blank lines: the article's text as a plain-text file would hold it. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
