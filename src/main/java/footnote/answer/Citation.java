package footnote.answer;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.PublicationDate;
import java.util.Optional;

/**
 * Where an excerpt comes from, as far as the article states it.
 *
 * @param dateNote when an undated article was written, as far as its curator knows ("Written shortly after the
 *                 February 2025 symposium"): shown in place of a date, never beside one
 */
public record Citation(
        String title,
        Optional<String> author,
        Optional<String> publisher,
        Optional<PublicationDate> published,
        Optional<String> url,
        Optional<String> fileName,
        Optional<String> dateNote) {

    public static Citation of(ArticleMetadata metadata) {
        return new Citation(metadata.title(), metadata.author(), metadata.publisher(), metadata.published(),
                metadata.url(), metadata.fileName(), metadata.dateNote());
    }

    /** The author when known, else the publisher: who stands behind the words. */
    public Optional<String> byline() {
        return author.or(() -> publisher);
    }
}
