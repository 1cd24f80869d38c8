package footnote.answer;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.PublicationDate;
import java.util.Optional;

/** Where an excerpt comes from, as far as the article states it. */
public record Citation(
        String title,
        Optional<String> author,
        Optional<String> publisher,
        Optional<PublicationDate> published,
        Optional<String> url,
        Optional<String> fileName) {

    public static Citation of(ArticleMetadata metadata) {
        return new Citation(metadata.title(), metadata.author(), metadata.publisher(), metadata.published(),
                metadata.url(), metadata.fileName());
    }

    /** The author when known, else the publisher: who stands behind the words. */
    public Optional<String> byline() {
        return author.or(() -> publisher);
    }
}
