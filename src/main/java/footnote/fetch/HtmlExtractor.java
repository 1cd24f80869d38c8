package footnote.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The article in a web page: its main text through Readability (Mozilla's algorithm, as readability4j), which leaves
 * out navigation, ads and comments, and its metadata from the standard tags pages carry for link previews and search
 * engines. Stateless and thread-safe.
 */
public final class HtmlExtractor {

    /** Fewer words than this is a page without an article: a login wall, an error page, a script-only app. */
    static final int MIN_WORDS = 10;

    /** Beyond these, Readability is skipped and the page's body read plainly; see {@link #tooUnwieldyForReadability}. */
    static final int MAX_ELEMENTS = 30_000;
    static final int MAX_CHILDREN = 1_000;

    /** Furniture left out when Readability finds nothing and the whole body is read instead. */
    private static final Set<String> FURNITURE = Set.of("nav", "header", "footer", "aside", "form", "menu");
    /** Inside a marked article the header stays: it holds the headline and standfirst. */
    private static final Set<String> INSIDE_ARTICLE_FURNITURE = Set.of("nav", "footer", "aside", "form", "menu");
    /** Where pages mark their article, most specific first. */
    private static final List<String> ARTICLE_SELECTORS = List.of("[itemprop=articleBody]", "article", "main",
            "[role=main]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How pages join an article's title and their site's name in {@code <title>}. */
    private static final List<String> TITLE_SEPARATORS = List.of(" | ", " - ", " – ", " — ", " :: ", " · ");

    /**
     * Extracts the article.
     *
     * @param charset the charset the server declared; without it the page's {@code <meta charset>}, then UTF-8
     * @param pageUrl where the page was found, to resolve relative links such as the canonical URL
     * @throws FetchException "… has no article text Footnote can read." when there is no real text in it
     */
    public WebArticle extract(byte[] html, Optional<Charset> charset, URI pageUrl) throws FetchException {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(pageUrl, "pageUrl");
        Document document;
        try {
            // jsoup honours a byte-order mark first, then the charset given, then <meta charset>, then UTF-8.
            document = Jsoup.parse(new ByteArrayInputStream(html), charset.map(Charset::name).orElse(null),
                    pageUrl.toString());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new FetchException(Urls.display(pageUrl) + " is not HTML Footnote can read.", e);
        }
        List<String> paragraphs = mainText(document, pageUrl);
        if (Blocks.words(paragraphs) < MIN_WORDS || Blocks.garbled(paragraphs)) {
            throw new FetchException(Urls.display(pageUrl) + " has no article text Footnote can read.");
        }
        Metadata meta = new Metadata(document);
        return new WebArticle(meta.title(pageUrl), meta.author(), meta.siteName(), meta.published(),
                meta.canonical(), paragraphs);
    }

    /**
     * An article from a feed entry's own content ({@code content:encoded} or the summary), for feeds that carry
     * whole articles; the entry's title, author and date, the feed's title as the site name.
     *
     * @throws FetchException when the entry carries no text of its own (then fetch its link instead)
     */
    public WebArticle extract(FeedEntry entry, Feed feed) throws FetchException {
        String html = entry.contentHtml().orElse("");
        URI base = entry.link().or(feed::link).orElse(URI.create("about:blank"));
        Document document = Jsoup.parseBodyFragment(html, base.toString());
        List<String> paragraphs = Blocks.paragraphs(document.body(), Set.of());
        if (Blocks.words(paragraphs) < MIN_WORDS) {
            throw new FetchException("The feed entry \"" + entry.title() + "\" has no article text of its own.");
        }
        return new WebArticle(entry.title(), entry.author(), Optional.of(feed.title()).filter(t -> !t.isBlank()),
                entry.published(), entry.link(), paragraphs);
    }

    /**
     * The article's paragraphs. A page that marks its article ({@code itemprop=articleBody}, {@code <article>},
     * {@code <main>}) is read there, whole, furniture left out: the page's own word is more faithful than any
     * heuristic, and Readability drops short lists, tables and headings from it. Readability decides when the page
     * marks nothing, or when what it marks holds less than half the text Readability finds (a page whose
     * {@code <article>} elements are teaser cards). The whole body, furniture left out, is the last resort.
     */
    private static List<String> mainText(Document document, URI pageUrl) {
        List<String> marked = markedArticle(document);
        List<String> readable = tooUnwieldyForReadability(document) ? List.of() : readability(document, pageUrl);
        int markedWords = Blocks.words(marked);
        if (markedWords >= MIN_WORDS && markedWords * 2 >= Blocks.words(readable)) {
            return marked;
        }
        if (Blocks.words(readable) >= MIN_WORDS) {
            return readable;
        }
        return Blocks.withoutFurniture(document.body(), FURNITURE);
    }

    /** The text of the element the page marks as its article, the one with the most text when it marks several. */
    private static List<String> markedArticle(Document document) {
        for (String selector : ARTICLE_SELECTORS) {
            Optional<List<String>> best = document.select(selector).stream()
                    .map(element -> Blocks.withoutFurniture(element, INSIDE_ARTICLE_FURNITURE))
                    .max(Comparator.comparingInt(Blocks::words));
            if (best.isPresent() && Blocks.words(best.get()) >= MIN_WORDS) {
                return best.get();
            }
        }
        return List.of();
    }

    private static List<String> readability(Document document, URI pageUrl) {
        try {
            // Readability rewrites the tree it is given; the metadata and the marked article read the original.
            Article article = new Readability4JExtended(pageUrl.toString(), document.clone()).parse();
            Element content = article.getArticleContent();
            return content == null ? List.of() : Blocks.withoutFurniture(content, Set.of("nav", "aside", "form"));
        } catch (RuntimeException | StackOverflowError e) {
            // Hostile or broken markup can trip Readability; the other readings still have a chance.
            return List.of();
        }
    }

    /**
     * True for a page Readability would take minutes over: it removes nodes one by one, and jsoup renumbers an
     * element's children after each removal, so thousands of siblings (a hostile page of 100,000 nested divs
     * becomes that once jsoup caps the depth) cost seconds each. Real articles stay far below both limits.
     */
    static boolean tooUnwieldyForReadability(Document document) {
        Elements all = document.getAllElements();
        return all.size() > MAX_ELEMENTS || all.stream().anyMatch(e -> e.childrenSize() > MAX_CHILDREN);
    }

    /** What a page says about itself, from Open Graph, standard meta tags, JSON-LD and the markup. */
    private static final class Metadata {

        private final Document document;
        private final List<JsonNode> linkedData;

        Metadata(Document document) {
            this.document = document;
            this.linkedData = linkedData(document);
        }

        String title(URI pageUrl) {
            return first(meta("property", "og:title"), meta("name", "twitter:title"), linked("headline"),
                    text(document.title()).map(this::withoutSiteName), selectText("h1"))
                    .orElseGet(() -> Optional.ofNullable(pageUrl.getHost()).orElse(pageUrl.toString()));
        }

        /**
         * A {@code <title>} without the site's name, which pages add for browser tabs ("Zeppelins return | The
         * Daily Example"): cut when the site names itself, or when the page's own heading is the part before the
         * separator. A citation already shows the site separately.
         */
        private String withoutSiteName(String title) {
            Optional<String> site = siteName();
            for (String separator : TITLE_SEPARATORS) {
                int at = title.lastIndexOf(separator);
                if (at > 0) {
                    String head = title.substring(0, at).strip();
                    String tail = title.substring(at + separator.length()).strip();
                    boolean siteTail = site.map(s -> s.equalsIgnoreCase(tail)).orElse(false)
                            || selectText("h1").map(h -> h.equalsIgnoreCase(head)).orElse(false);
                    if (siteTail && !head.isEmpty()) {
                        return head;
                    }
                }
                int first = title.indexOf(separator);
                if (first > 0 && site.map(s -> s.equalsIgnoreCase(title.substring(0, first).strip())).orElse(false)) {
                    String rest = title.substring(first + separator.length()).strip();
                    if (!rest.isEmpty()) {
                        return rest;
                    }
                }
            }
            return title;
        }

        Optional<String> author() {
            return first(meta("name", "author"), meta("property", "article:author").filter(a -> !isUrl(a)),
                    linkedAuthor(), meta("name", "byl").map(Metadata::withoutBy), selectText("[rel=author]"),
                    selectText("[itemprop=author]"), selectText(".byline, .author").map(Metadata::withoutBy))
                    .map(a -> a.length() > 200 ? a.substring(0, 200) : a);
        }

        Optional<String> siteName() {
            return first(meta("property", "og:site_name"), linkedPublisher(), meta("name", "application-name"));
        }

        Optional<String> published() {
            Stream<Optional<String>> candidates = Stream.of(
                    meta("property", "article:published_time"), meta("name", "article:published_time"),
                    meta("name", "date"), meta("name", "pubdate"), meta("name", "publish-date"),
                    meta("name", "dc.date"), meta("name", "dc.date.issued"), meta("name", "dcterms.created"),
                    attr("[itemprop=datePublished]", "content"), attr("[itemprop=datePublished]", "datetime"),
                    linked("datePublished"), attr("article time[datetime]", "datetime"),
                    attr("time[datetime]", "datetime"));
            return candidates.map(c -> c.flatMap(Dates::iso)).filter(Optional::isPresent).map(Optional::get)
                    .findFirst();
        }

        Optional<URI> canonical() {
            return first(absolute("link[rel=canonical]", "href"), absolute("meta[property=og:url]", "content"))
                    .flatMap(Metadata::webUri);
        }

        private Optional<String> meta(String attribute, String value) {
            return document.select("meta[" + attribute + "]").stream()
                    .filter(e -> e.attr(attribute).strip().equalsIgnoreCase(value))
                    .map(e -> e.attr("content")).map(Metadata::text).flatMap(Optional::stream).findFirst();
        }

        private Optional<String> attr(String selector, String attribute) {
            return document.select(selector).stream().map(e -> e.attr(attribute)).map(Metadata::text)
                    .flatMap(Optional::stream).findFirst();
        }

        private Optional<String> absolute(String selector, String attribute) {
            return document.select(selector).stream().map(e -> e.absUrl(attribute)).map(Metadata::text)
                    .flatMap(Optional::stream).findFirst();
        }

        private Optional<String> selectText(String selector) {
            return document.select(selector).stream().map(Element::text).map(Metadata::text)
                    .flatMap(Optional::stream).findFirst();
        }

        private Optional<String> linked(String field) {
            return linkedData.stream().map(node -> node.path(field)).map(Metadata::nodeText)
                    .flatMap(Optional::stream).findFirst();
        }

        private Optional<String> linkedAuthor() {
            return linkedData.stream().map(node -> node.path("author")).map(Metadata::personName)
                    .flatMap(Optional::stream).findFirst();
        }

        private Optional<String> linkedPublisher() {
            return linkedData.stream().map(node -> node.path("publisher")).map(Metadata::personName)
                    .flatMap(Optional::stream).findFirst();
        }

        /** JSON-LD objects, articles first: a page's graph also describes its site, breadcrumbs and authors. */
        private static List<JsonNode> linkedData(Document document) {
            List<JsonNode> articles = new ArrayList<>();
            List<JsonNode> others = new ArrayList<>();
            for (Element script : document.select("script[type=application/ld+json]")) {
                try {
                    collect(JSON.readTree(script.data()), articles, others, 0);
                } catch (IOException | RuntimeException e) {
                    // Broken JSON-LD is common; the page's other metadata still counts.
                }
            }
            articles.addAll(others);
            return articles;
        }

        private static void collect(JsonNode node, List<JsonNode> articles, List<JsonNode> others, int depth) {
            if (node == null || depth > 4) {
                return;
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, articles, others, depth + 1));
            } else if (node.isObject()) {
                collect(node.get("@graph"), articles, others, depth + 1);
                String type = node.path("@type").toString().toLowerCase(Locale.ROOT);
                (type.contains("article") || type.contains("posting") || type.contains("report") ? articles : others)
                        .add(node);
            }
        }

        private static Optional<String> personName(JsonNode node) {
            if (node.isArray()) {
                List<String> names = new ArrayList<>();
                for (Iterator<JsonNode> it = node.elements(); it.hasNext() && names.size() < 5; ) {
                    personName(it.next()).ifPresent(names::add);
                }
                return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
            }
            if (node.isObject()) {
                return nodeText(node.path("name"));
            }
            return nodeText(node).filter(name -> !isUrl(name));
        }

        private static Optional<String> nodeText(JsonNode node) {
            return node.isTextual() ? text(node.asText()) : Optional.empty();
        }

        private static Optional<String> text(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String text = Blocks.collapse(value);
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        private static String withoutBy(String byline) {
            return byline.replaceFirst("(?i)^by\\s+", "").strip();
        }

        private static boolean isUrl(String value) {
            return value.startsWith("http://") || value.startsWith("https://");
        }

        private static Optional<URI> webUri(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        @SafeVarargs
        private static <T> Optional<T> first(Optional<T>... candidates) {
            return Stream.of(candidates).flatMap(Optional::stream).findFirst();
        }
    }
}
