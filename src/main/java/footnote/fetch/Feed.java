package footnote.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RSS or Atom feed.
 *
 * @param link the site the feed belongs to, when it names one
 * @param entries in the order the feed gives them (newest first, by convention), at most the number asked for
 */
public record Feed(String title, Optional<URI> link, List<FeedEntry> entries) {

    public Feed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        entries = List.copyOf(entries);
    }
}
