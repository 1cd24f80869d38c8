package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private static final URI PAGE = URI.create("https://news.example/2025/02/zeppelins");
    private static final String STORY = """
            <p>The airship rose over the harbour at dawn, its silver skin catching the first light of the day.</p>
            <p>Crowds gathered along the quay to watch as the crew released the last of the mooring lines.</p>
            <p>By noon it had crossed the bay and was heading north toward the mountains, where the winds are strong.</p>
            """;

    private final HtmlExtractor extractor = new HtmlExtractor();

    private WebArticle extract(String html) throws FetchException {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), Optional.of(StandardCharsets.UTF_8), PAGE);
    }

    @Test
    void keeps_the_article_and_leaves_out_navigation_ads_comments_and_scripts() throws Exception {
        String html = """
                <!doctype html><html><head><title>Zeppelins return | The Daily Example</title>
                <script>var tracking = "do not index this";</script><style>p { color: red }</style></head>
                <body>
                <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Sport</li></ul></nav>
                <div class="ad sponsored">Buy cheap airship tickets now! Limited offer for subscribers.</div>
                <article><h1>Zeppelins return</h1>%s
                <ul><li>Length: 245 metres</li><li>Crew: 40</li></ul>
                <blockquote>We never thought we would see one again, said a harbour pilot.</blockquote></article>
                <section class="comments" id="comments"><h3>Comments</h3>
                <div class="comment">First! Great article, loved it.</div></section>
                <footer>© 2025 The Daily Example · Privacy · Terms</footer>
                <script>document.write("injected text")</script>
                </body></html>
                """.formatted(STORY);

        WebArticle article = extract(html);

        assertThat(article.paragraphs()).contains(
                "The airship rose over the harbour at dawn, its silver skin catching the first light of the day.",
                "Crowds gathered along the quay to watch as the crew released the last of the mooring lines.",
                "Length: 245 metres", "Crew: 40",
                "We never thought we would see one again, said a harbour pilot.");
        assertThat(article.text()).doesNotContain("tracking", "injected", "Home", "Privacy", "color: red",
                "Buy cheap", "First! Great");
    }

    @Test
    void reads_metadata_from_the_standard_tags() throws Exception {
        String html = """
                <html><head><title>Zeppelins return | The Daily Example</title>
                <meta property="og:title" content="Zeppelins return">
                <meta property="og:site_name" content="The Daily Example">
                <meta name="author" content="Ada Lovelace">
                <meta property="article:published_time" content="2025-02-01T09:30:00+01:00">
                <link rel="canonical" href="/2025/02/zeppelins-return">
                </head><body><article>%s</article></body></html>
                """.formatted(STORY);

        WebArticle article = extract(html);

        assertThat(article.title()).isEqualTo("Zeppelins return");
        assertThat(article.siteName()).contains("The Daily Example");
        assertThat(article.author()).contains("Ada Lovelace");
        assertThat(article.published()).contains("2025-02-01");
        assertThat(article.canonicalUrl()).contains(URI.create("https://news.example/2025/02/zeppelins-return"));
    }

    @Test
    void falls_back_to_json_ld_and_time_elements_for_metadata() throws Exception {
        String html = """
                <html><head><title>Zeppelins</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
                 {"@type":"NewsArticle","headline":"Zeppelins return","datePublished":"2024-11-05T08:00:00Z",
                  "author":[{"@type":"Person","name":"Grace Hopper"}],"publisher":{"@type":"Organization","name":"Example News"}}]}
                </script></head><body><article>%s</article></body></html>
                """.formatted(STORY);

        WebArticle article = extract(html);

        assertThat(article.title()).isEqualTo("Zeppelins return");
        assertThat(article.author()).contains("Grace Hopper");
        assertThat(article.siteName()).contains("Example News");
        assertThat(article.published()).contains("2024-11-05");
        assertThat(article.canonicalUrl()).isEmpty();
    }

    @Test
    void reads_the_date_from_a_time_element_and_the_author_from_the_byline() throws Exception {
        String html = """
                <html><head><title>Zeppelins</title></head><body><article>
                <p class="byline">By Mary Somerville</p><time datetime="2023-07">July 2023</time>%s</article></body></html>
                """.formatted(STORY);

        WebArticle article = extract(html);

        assertThat(article.published()).contains("2023-07");
        assertThat(article.author()).contains("Mary Somerville");
    }

    @Test
    void keeps_paragraphs_headings_and_list_items_in_order_with_whitespace_collapsed() throws Exception {
        String html = """
                <html><body><article>
                <h2>  The   first
                  heading </h2>
                <p>One   paragraph,&nbsp;&nbsp;spread
                over lines, with <b>bold</b> and <a href="#">a link</a> inside it for good measure.</p>
                <ol><li>First item of the list, which is long enough.</li><li><p>Second item, wrapped in a paragraph.</p></li></ol>
                <table><tr><td>Cell one holds a sentence of its own.</td><td>Cell two holds another.</td></tr></table>
                <pre>code   block   text</pre>
                <div>Old style text<br><br>with two breaks for a paragraph<br>and one for a line.</div>
                </article></body></html>
                """;

        WebArticle article = extract(html);

        assertThat(article.paragraphs()).containsSubsequence(
                "The first heading",
                "One paragraph, spread over lines, with bold and a link inside it for good measure.",
                "First item of the list, which is long enough.",
                "Second item, wrapped in a paragraph.",
                "Cell one holds a sentence of its own.",
                "Cell two holds another.",
                "code block text",
                "Old style text",
                "with two breaks for a paragraph and one for a line.");
    }

    @Test
    void honours_the_charset_the_server_declares() throws Exception {
        String html = "<html><body><article><p>Café crème au lait, déjà vu et naïveté: " + "les mots français "
                + "gardent leurs accents quand la page est en Latin-1.</p></article></body></html>";
        byte[] latin1 = html.getBytes(StandardCharsets.ISO_8859_1);

        WebArticle article = extractor.extract(latin1, Optional.of(StandardCharsets.ISO_8859_1), PAGE);

        assertThat(article.text()).contains("Café crème au lait, déjà vu et naïveté");
    }

    @Test
    void uses_the_meta_charset_when_the_server_declares_none() throws Exception {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>“Quoted” text — with "
                + "dashes and curly quotes from a Windows page, which is common on older sites.</p></article></body>"
                + "</html>";
        byte[] cp1252 = html.getBytes(Charset.forName("windows-1252"));

        WebArticle article = extractor.extract(cp1252, Optional.empty(), PAGE);

        assertThat(article.text()).contains("“Quoted” text — with dashes");
    }

    @Test
    void reads_utf8_when_nothing_declares_a_charset() throws Exception {
        String html = "<html><body><article><p>Zürich, Kraków and Île-de-France are written in UTF-8 by default "
                + "on pages that say nothing about their charset.</p></article></body></html>";

        WebArticle article = extractor.extract(html.getBytes(StandardCharsets.UTF_8), Optional.empty(), PAGE);

        assertThat(article.text()).contains("Zürich, Kraków and Île-de-France");
    }

    @Test
    void reads_malformed_html_without_failing() throws Exception {
        String html = "<html><body><div><p>Unclosed paragraph with enough words to count as an article here"
                + "<p>Another <b>bold <i>nested</b> wrongly</i> closed paragraph with text<table><td>stray cell"
                + "</div></span></body><p>after body</html></html><<<>>>&&&;";

        WebArticle article = extract(html);

        assertThat(article.text()).contains("Unclosed paragraph with enough words", "Another bold nested wrongly");
    }

    @Test
    void survives_very_deeply_nested_markup() throws Exception {
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>" + "Deep text sits at the bottom of a very "
                + "deep tree of elements that a hostile page built. ".repeat(3) + "</p></body></html>";

        WebArticle article = extract(html);

        assertThat(article.text()).contains("Deep text sits at the bottom");
    }

    @Test
    void refuses_a_page_without_article_text() {
        String html = "<html><head><title>Sign in</title><script>app.start()</script></head><body><nav><a href=\"/\">"
                + "Home</a></nav><form><input name=user><button>Sign in</button></form></body></html>";

        assertThatThrownBy(() -> extract(html))
                .isInstanceOf(FetchException.class)
                .hasMessage("https://news.example/2025/02/zeppelins has no article text Footnote can read.");
    }

    @Test
    void refuses_bytes_that_are_not_a_page() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }

        assertThatThrownBy(() -> extractor.extract(binary, Optional.empty(), PAGE))
                .isInstanceOf(FetchException.class)
                .hasMessageEndingWith("has no article text Footnote can read.");
    }

    @Test
    void makes_an_article_of_a_feed_entry_that_carries_its_text() throws Exception {
        Feed feed = new Feed("Example Blog", Optional.of(URI.create("https://blog.example/")), List.of());
        FeedEntry entry = new FeedEntry(Optional.of("id-1"), Optional.of(URI.create("https://blog.example/post")),
                "A post", Optional.of("Ann"), Optional.of("2025-01-02"), Optional.of(STORY));

        WebArticle article = extractor.extract(entry, feed);

        assertThat(article.title()).isEqualTo("A post");
        assertThat(article.siteName()).contains("Example Blog");
        assertThat(article.canonicalUrl()).contains(URI.create("https://blog.example/post"));
        assertThat(article.paragraphs()).hasSize(3);
    }

    @Test
    void drops_the_site_name_that_the_page_title_adds_for_browser_tabs() throws Exception {
        String html = """
                <html><head><title>Zeppelins return | The Daily Example</title>
                <meta property="og:site_name" content="The Daily Example"></head>
                <body><article>%s</article></body></html>
                """.formatted(STORY);

        assertThat(extract(html).title()).isEqualTo("Zeppelins return");
    }

    @Test
    void drops_a_title_suffix_when_the_heading_names_the_article_alone() throws Exception {
        String html = """
                <html><head><title>Zeppelins return - Some Site</title></head>
                <body><article><h1>Zeppelins return</h1>%s</article></body></html>
                """.formatted(STORY);

        assertThat(extract(html).title()).isEqualTo("Zeppelins return");
    }

    @Test
    void keeps_a_title_whose_dash_is_part_of_the_title() throws Exception {
        String html = """
                <html><head><title>Airships - a second life</title></head>
                <body><article>%s</article></body></html>
                """.formatted(STORY);

        assertThat(extract(html).title()).isEqualTo("Airships - a second life");
    }

    @Test
    void leaves_out_share_bars_and_comment_threads_inside_the_marked_article() throws Exception {
        String html = """
                <html><body><article><div class="entry-content has-comments">%s</div>
                <div class="share-bar">Share this on every network you know of right now please</div>
                <section id="comments"><p>First! Great article, loved every single word of it, really.</p></section>
                </article></body></html>
                """.formatted(STORY);

        WebArticle article = extract(html);

        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.text()).contains("The airship rose").doesNotContain("Share this", "First! Great");
    }

    @Test
    void uses_readability_when_the_marked_articles_are_only_teasers() throws Exception {
        String story = "<p>The airship programme began with a single prototype built in a disused hangar.</p>".repeat(12);
        String html = """
                <html><body><div id="story">%s</div>
                <aside><article><p>Other news: a ferry timetable changes next week for the winter season.</p></article></aside>
                </body></html>
                """.formatted(story);

        WebArticle article = extract(html);

        assertThat(article.text()).contains("disused hangar").doesNotContain("ferry timetable");
    }
}
