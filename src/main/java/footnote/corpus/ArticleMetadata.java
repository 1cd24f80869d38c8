package footnote.corpus;

import java.util.Objects;
import java.util.Optional;

/**
 * What an article states about itself, as far as it states it: a citation shows these and invents none.
 *
 * @param fileName the file the article came from, shown when there is no link
 */
public record ArticleMetadata(
        String title,
        Optional<String> author,
        Optional<String> publisher,
        Optional<PublicationDate> published,
        Optional<String> url,
        Optional<String> fileName) {

    public ArticleMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
    }

    public static ArticleMetadata titled(String title) {
        return new ArticleMetadata(title, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
