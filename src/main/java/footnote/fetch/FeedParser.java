package footnote.fetch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * RSS 0.9x, 1.0 and 2.0 and Atom 1.0 feeds, through ROME. XML from the web is hostile input: a feed that declares
 * entities of its own (a DOCTYPE with an internal subset, the vehicle of billion-laughs and external-entity attacks)
 * is refused before any parser sees it; a plain DOCTYPE, as old RSS 0.91 feeds have, is dropped so nothing is ever
 * loaded from it; and ROME's parser is kept at its safe default (no DOCTYPE, no external entities) behind that.
 * Stateless and thread-safe.
 */
public final class FeedParser {

    /**
     * Parses a feed.
     *
     * @param feedUrl where the feed was found: relative links are resolved against it, and messages name it
     * @param maxEntries the most entries kept, the first ones the feed lists
     * @throws FetchException when the bytes are not a well-formed RSS or Atom feed, or declare entities
     */
    public Feed parse(byte[] xml, URI feedUrl, int maxEntries) throws FetchException {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(feedUrl, "feedUrl");
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        String shown = Urls.display(feedUrl);
        String text = decode(xml, shown);
        Optional<Xml.Doctype> doctype = Xml.doctype(text);
        if (doctype.isPresent()) {
            if (doctype.get().internalSubset()) {
                throw new FetchException(shown + " declares entities of its own in a DOCTYPE, which Footnote does not "
                        + "read (it is how XML attacks work).");
            }
            text = text.substring(0, doctype.get().start()) + text.substring(doctype.get().end());
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true); // HTML entities such as &nbsp; become characters, as feeds mean them
            feed = input.build(new StringReader(text));
        } catch (ParsingFeedException e) {
            String where = e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ")" : "";
            throw new FetchException(shown + " is not well-formed XML" + where + ", so Footnote cannot read it as a "
                    + "feed.", e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FetchException(shown + " is not an RSS or Atom feed Footnote can read.", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FetchException(shown + " is a feed Footnote cannot read.", e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (entries.size() >= maxEntries) {
                break;
            }
            entries.add(entry(entry, feedUrl));
        }
        String title = plain(feed.getTitle()).orElseGet(() -> Optional.ofNullable(feedUrl.getHost()).orElse(shown));
        return new Feed(title, link(feed.getLink(), feedUrl), entries);
    }

    private static String decode(byte[] xml, String shown) throws FetchException {
        // ROME's reader finds the encoding as XML says: byte-order mark, then the XML declaration, then UTF-8.
        try (Reader reader = new XmlReader(new ByteArrayInputStream(xml), true, "UTF-8")) {
            StringBuilder text = new StringBuilder(Math.min(xml.length, 1 << 20));
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new FetchException(shown + " is not XML Footnote can read (" + e.getMessage() + ").", e);
        }
    }

    private static FeedEntry entry(SyndEntry entry, URI feedUrl) {
        Optional<URI> link = link(entry.getLink(), feedUrl);
        Optional<String> title = plain(entry.getTitle());
        return new FeedEntry(
                text(entry.getUri()),
                link,
                title.orElseGet(() -> link.map(URI::toString).orElse("Untitled entry")),
                author(entry),
                date(entry.getPublishedDate()).or(() -> date(entry.getUpdatedDate())),
                content(entry));
    }

    private static Optional<String> author(SyndEntry entry) {
        List<String> names = entry.getAuthors() == null ? List.of() : entry.getAuthors().stream()
                .map(SyndPerson::getName).map(FeedParser::plain).flatMap(Optional::stream)
                .distinct().limit(5).collect(Collectors.toList());
        if (!names.isEmpty()) {
            return Optional.of(String.join(", ", names));
        }
        return plain(entry.getAuthor());
    }

    private static Optional<String> content(SyndEntry entry) {
        if (entry.getContents() != null) {
            for (SyndContent content : entry.getContents()) {
                Optional<String> html = html(content);
                if (html.isPresent()) {
                    return html;
                }
            }
        }
        return html(entry.getDescription());
    }

    private static Optional<String> html(SyndContent content) {
        if (content == null || content.getValue() == null || content.getValue().isBlank()) {
            return Optional.empty();
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            // Atom's type="text" is plain text: as HTML it must be escaped, or "a < b" would become markup.
            return Optional.of(Entities.escape(content.getValue()));
        }
        return Optional.of(content.getValue().strip());
    }

    private static Optional<URI> link(String value, URI base) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = base.resolve(value.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> date(Date date) {
        return Optional.ofNullable(date).map(d -> d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    /** Text without markup or entities, whitespace collapsed: titles often carry HTML. */
    private static Optional<String> plain(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = Blocks.collapse(value.indexOf('<') >= 0 || value.indexOf('&') >= 0
                ? Jsoup.parseBodyFragment(value).text() : value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
