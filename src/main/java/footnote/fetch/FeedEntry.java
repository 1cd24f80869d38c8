package footnote.fetch;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a feed.
 *
 * @param guid the entry's own identifier (RSS {@code guid}, Atom {@code id}), stable across edits when the feed has one
 * @param link the entry's page, resolved against the feed's address; http(s) only
 * @param title plain text, markup removed
 * @param published an ISO date ({@code 2025-02-01}), the day in UTC, from the published or else the updated date
 * @param contentHtml the entry's own HTML: {@code content:encoded} or Atom content, else the summary/description
 */
public record FeedEntry(Optional<String> guid, Optional<URI> link, String title, Optional<String> author,
        Optional<String> published, Optional<String> contentHtml) {

    public FeedEntry {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(contentHtml, "contentHtml");
    }
}
