package footnote.corpus;

import java.util.Objects;
import java.util.Optional;

/**
 * What an article states about itself, as far as it states it: a citation shows these and invents none.
 *
 * @param fileName the file the article came from, shown when there is no link
 * @param dateNote what is known of when the article was written when it states no date, as its curator wrote it
 *                 ("Written shortly after the February 2025 symposium"); shown only where there is no date
 */
public record ArticleMetadata(
        String title,
        Optional<String> author,
        Optional<String> publisher,
        Optional<PublicationDate> published,
        Optional<String> url,
        Optional<String> fileName,
        Optional<String> dateNote) {

    public ArticleMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(dateNote, "dateNote");
    }

    /** Metadata with no note on the date: what a web page, a feed entry or a PDF states. */
    public ArticleMetadata(String title, Optional<String> author, Optional<String> publisher,
            Optional<PublicationDate> published, Optional<String> url, Optional<String> fileName) {
        this(title, author, publisher, published, url, fileName, Optional.empty());
    }

    public static ArticleMetadata titled(String title) {
        return new ArticleMetadata(title, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
