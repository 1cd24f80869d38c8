package footnote.ingest;

import footnote.corpus.Article;
import footnote.corpus.Scope;
import footnote.fetch.DocumentKind;
import footnote.fetch.Encodings;
import footnote.fetch.Feed;
import footnote.fetch.FeedEntry;
import footnote.fetch.FeedParser;
import footnote.fetch.FetchException;
import footnote.fetch.Fetched;
import footnote.fetch.Fetcher;
import footnote.fetch.HtmlExtractor;
import footnote.fetch.PdfExtractor;
import footnote.fetch.WebArticle;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Gets articles from the web and from uploaded files, ready to be kept as copies: fetches safely, tells a page from
 * a feed by what the URL serves, and extracts the main text with the metadata a citation needs.
 */
final class Acquirer {

    private final Fetcher fetcher;
    private final int maxFeedEntries;
    private final HtmlExtractor html = new HtmlExtractor();
    private final PdfExtractor pdf = new PdfExtractor();
    private final FeedParser feeds = new FeedParser();
    private final ArticleFiles files = new ArticleFiles();

    Acquirer(Fetcher fetcher, int maxFeedEntries) {
        this.fetcher = fetcher;
        this.maxFeedEntries = maxFeedEntries;
    }

    /** An article ready to be copied: citation metadata and its text, a paragraph an entry. */
    record Extracted(CopyFile.Meta meta, List<String> paragraphs) {}

    /** What a URL serves. */
    sealed interface Found {

        record Page(Extracted article) implements Found {}

        record Entries(Feed feed) implements Found {}
    }

    Found fetch(URI url) throws FetchException {
        Fetched fetched = fetcher.get(url);
        DocumentKind kind = DocumentKind.of(fetched.mediaType(), Optional.empty(), fetched.body());
        if (kind == DocumentKind.FEED) {
            return new Found.Entries(feeds.parse(fetched.body(), fetched.finalUrl(), maxFeedEntries));
        }
        return new Found.Page(extract(fetched, kind, Optional.empty()));
    }

    /**
     * The article a feed entry points to; when its page cannot be fetched or read, the entry's own text, so that
     * a feed that carries whole articles still gives them.
     */
    Extracted entry(FeedEntry entry, Feed feed) throws FetchException {
        FetchException failure = null;
        if (entry.link().isPresent()) {
            try {
                Found found = fetch(entry.link().get());
                if (found instanceof Found.Page page) {
                    return withEntryFallbacks(page.article(), entry, feed);
                }
            } catch (FetchException e) {
                failure = e;
            }
        }
        if (entry.contentHtml().isPresent()) {
            URI base = entry.link().orElse(feed.link().orElse(URI.create("https://feed.invalid/")));
            WebArticle article = html.extract(entry.contentHtml().get().getBytes(StandardCharsets.UTF_8),
                    Optional.of(StandardCharsets.UTF_8), base);
            return withEntryFallbacks(fromWeb(article, entry.link(), Optional.empty()), entry, feed);
        }
        throw failure != null ? failure
                : new FetchException("The feed entry \"" + entry.title() + "\" has neither a link nor any text.");
    }

    /** The entry states its own title, author and date; they are more reliable than a page's guesses. */
    private static Extracted withEntryFallbacks(Extracted page, FeedEntry entry, Feed feed) {
        CopyFile.Meta m = page.meta();
        CopyFile.Meta meta = new CopyFile.Meta(
                entry.title().isBlank() ? m.title() : entry.title(),
                m.author().or(entry::author),
                m.publisher().or(() -> Optional.of(feed.title()).filter(t -> !t.isBlank())),
                entry.published().or(m::published),
                m.url().or(() -> entry.link().map(URI::toString)),
                Optional.empty(), Optional.empty());
        return new Extracted(meta, page.paragraphs());
    }

    /** An uploaded file's article; {@code location} is where to read it (a local file, or a URL). */
    Extracted upload(String fileName, URI location) throws FetchException {
        Fetched fetched = "file".equals(location.getScheme())
                ? fetcher.readFile(java.nio.file.Path.of(location))
                : fetcher.get(location);
        DocumentKind kind = DocumentKind.of(fetched.mediaType(), Optional.of(fileName), fetched.body());
        // An attachment's charset is the server's guess, not the file's: the bytes say it (byte-order mark first).
        Fetched asFetched = new Fetched(location, location, fetched.mediaType(), Optional.empty(), fetched.body());
        return extract(asFetched, kind, Optional.of(fileName));
    }

    private Extracted extract(Fetched fetched, DocumentKind kind, Optional<String> fileName) throws FetchException {
        String name = fileName.orElse(fetched.finalUrl().toString());
        switch (kind) {
            case HTML:
                URI base = fileName.isPresent()
                        ? URI.create("https://upload.invalid/" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                        : fetched.finalUrl();
                return fromWeb(html.extract(fetched.body(), fetched.charset(), base),
                        fileName.isPresent() ? Optional.empty() : Optional.of(fetched.finalUrl()), fileName);
            case PDF:
                return fromWeb(pdf.extract(fetched.body(), name),
                        fileName.isPresent() ? Optional.empty() : Optional.of(fetched.finalUrl()), fileName);
            case TEXT:
            case MARKDOWN:
                return fromText(fetched, fileName);
            default:
                throw new FetchException(name + " is " + fetched.mediaType()
                        + ", which Footnote cannot read; it reads web pages, RSS and Atom feeds, text, Markdown,"
                        + " HTML and PDF.");
        }
    }

    private static Extracted fromWeb(WebArticle article, Optional<URI> fetchedFrom, Optional<String> fileName) {
        if (article.paragraphs().isEmpty()) {
            throw new IllegalStateException("an extractor returned an article without text");
        }
        CopyFile.Meta meta = new CopyFile.Meta(article.title(), article.author(), article.siteName(),
                article.published(), article.canonicalUrl().or(() -> fetchedFrom).map(URI::toString), fileName,
                Optional.empty());
        return new Extracted(meta, article.paragraphs());
    }

    /** Text and Markdown keep their own front matter, if any, and their text as written. */
    private Extracted fromText(Fetched fetched, Optional<String> fileName) throws FetchException {
        String text = new String(fetched.body(), fetched.charset().orElseGet(() -> Encodings.detect(fetched.body())));
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // the byte-order mark is not text
        }
        String name = fileName.orElse(fetched.finalUrl().getPath());
        Article article;
        try {
            article = files.parse(text, name, "upload", "upload", Scope.GLOBAL);
        } catch (IOException e) {
            throw new FetchException(e.getMessage());
        }
        if (article.body().isBlank()) {
            throw new FetchException(name + " has no text.");
        }
        var m = article.metadata();
        CopyFile.Meta meta = new CopyFile.Meta(m.title(), m.author(), m.publisher(),
                m.published().map(d -> d.iso()),
                m.url().or(() -> fileName.isPresent() ? Optional.empty() : Optional.of(fetched.finalUrl().toString())),
                fileName, m.dateNote());
        return new Extracted(meta, List.of(article.body().strip()));
    }
}
