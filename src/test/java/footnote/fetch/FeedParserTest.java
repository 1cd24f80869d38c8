package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSS 0.9x/1.0/2.0 and Atom 1.0 through FeedParser, friendly and hostile. Nothing here leaves loopback. */
class FeedParserTest {

    private static final URI FEED_URL = URI.create("https://blog.example/feeds/all.xml");

    private final FeedParser parser = new FeedParser();

    private Feed parse(String xml) throws FetchException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), FEED_URL, 50);
    }

    private static String rss(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>The Example Blog</title><link>https://blog.example/</link>
                <description>Notes on airships</description>
                %s
                </channel></rss>
                """.formatted(items);
    }

    private static String item(int n) {
        return "<item><title>Post " + n + "</title><link>https://blog.example/posts/" + n + "</link>"
                + "<guid>https://blog.example/posts/" + n + "</guid></item>";
    }

    // --- RSS 2.0 ---------------------------------------------------------------------------------------------------

    @Test
    void reads_an_rss_2_feed_with_its_entries_in_order() throws Exception {
        Feed feed = parse(rss("""
                <item>
                  <title>Zeppelins &amp; &lt;b&gt;airships&lt;/b&gt; return</title>
                  <link>https://blog.example/2025/02/zeppelins</link>
                  <guid isPermaLink="false">urn:uuid:8a1f0c2e-0000-4000-8000-000000000001</guid>
                  <author>ada@blog.example (Ada Lovelace)</author>
                  <pubDate>Sat, 01 Feb 2025 09:30:00 GMT</pubDate>
                  <description>A short summary.</description>
                  <content:encoded><![CDATA[<p>The airship rose over the harbour at dawn.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Second post</title>
                  <link>https://blog.example/2025/01/second</link>
                  <dc:creator>Charles Babbage</dc:creator>
                  <pubDate>Fri, 31 Jan 2025 12:00:00 +0000</pubDate>
                  <description><![CDATA[<p>Only a <em>description</em> here.</p>]]></description>
                </item>
                """));

        assertThat(feed.title()).isEqualTo("The Example Blog");
        assertThat(feed.link()).contains(URI.create("https://blog.example/"));
        assertThat(feed.entries()).hasSize(2);

        FeedEntry first = feed.entries().get(0);
        assertThat(first.guid()).contains("urn:uuid:8a1f0c2e-0000-4000-8000-000000000001");
        assertThat(first.link()).contains(URI.create("https://blog.example/2025/02/zeppelins"));
        assertThat(first.title()).isEqualTo("Zeppelins & airships return");
        assertThat(first.author()).hasValueSatisfying(author -> assertThat(author).contains("Ada Lovelace"));
        assertThat(first.published()).contains("2025-02-01");
        assertThat(first.contentHtml()).contains("<p>The airship rose over the harbour at dawn.</p>");

        FeedEntry second = feed.entries().get(1);
        assertThat(second.title()).isEqualTo("Second post");
        assertThat(second.author()).contains("Charles Babbage");
        assertThat(second.published()).contains("2025-01-31");
        assertThat(second.contentHtml()).contains("<p>Only a <em>description</em> here.</p>");
    }

    @Test
    void prefers_content_encoded_over_the_description() throws Exception {
        Feed feed = parse(rss("""
                <item><title>Both</title><link>https://blog.example/both</link>
                <description>Teaser only.</description>
                <content:encoded><![CDATA[<p>The whole article.</p>]]></content:encoded></item>
                """));

        assertThat(feed.entries().get(0).contentHtml()).contains("<p>The whole article.</p>");
    }

    @Test
    void dates_are_the_day_in_utc() throws Exception {
        Feed feed = parse(rss("""
                <item><title>Late</title><link>https://blog.example/late</link>
                <pubDate>Sat, 01 Feb 2025 22:30:00 -0500</pubDate></item>
                """));

        assertThat(feed.entries().get(0).published()).contains("2025-02-02");
    }

    @Test
    void html_entities_in_titles_become_characters() throws Exception {
        Feed feed = parse(rss("""
                <item><title>Caf&eacute;&nbsp;culture &#8212; &lt;i&gt;a&lt;/i&gt;   review</title>
                <link>https://blog.example/cafe</link></item>
                """));

        assertThat(feed.entries().get(0).title()).isEqualTo("Café culture — a review");
    }

    @Test
    void keeps_the_first_entries_up_to_the_limit() throws Exception {
        String xml = rss(item(1) + item(2) + item(3) + item(4));

        Feed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), FEED_URL, 2);

        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("Post 1", "Post 2");
    }

    @Test
    void refuses_a_limit_that_is_not_positive() {
        byte[] xml = rss(item(1)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(xml, FEED_URL, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drops_links_that_are_not_http_or_https() throws Exception {
        Feed feed = parse(rss("""
                <item><title>Script</title><link>javascript:alert(document.cookie)</link></item>
                <item><title>File</title><link>file:///etc/passwd</link></item>
                <item><title>Mail</title><link>mailto:ada@blog.example</link></item>
                <item><title>Data</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
                <item><title>Fine</title><link>HTTPS://blog.example/fine</link></item>
                """));

        assertThat(feed.entries()).extracting(FeedEntry::title)
                .containsExactly("Script", "File", "Mail", "Data", "Fine");
        assertThat(feed.entries().subList(0, 4)).allSatisfy(entry -> assertThat(entry.link()).isEmpty());
        assertThat(feed.entries().get(4).link()).contains(URI.create("HTTPS://blog.example/fine"));
    }

    @Test
    void an_entry_without_a_title_is_named_by_its_link_or_as_untitled() throws Exception {
        Feed feed = parse(rss("""
                <item><link>https://blog.example/no-title</link><description>Text.</description></item>
                <item><description>Neither title nor link.</description></item>
                """));

        assertThat(feed.entries()).extracting(FeedEntry::title)
                .containsExactly("https://blog.example/no-title", "Untitled entry");
    }

    @Test
    void a_feed_without_a_title_is_named_by_its_host() throws Exception {
        Feed feed = parse("""
                <rss version="2.0"><channel><link>https://blog.example/</link>
                <item><title>Only</title><link>https://blog.example/only</link></item></channel></rss>
                """);

        assertThat(feed.title()).isEqualTo("blog.example");
    }

    // --- RSS 1.0 ---------------------------------------------------------------------------------------------------

    @Test
    void reads_an_rss_1_0_rdf_feed() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://rdf.example/">
                    <title>RDF Site</title><link>https://rdf.example/</link><description>Old style</description>
                    <items><rdf:Seq>
                      <rdf:li rdf:resource="https://rdf.example/one"/>
                      <rdf:li rdf:resource="https://rdf.example/two"/>
                    </rdf:Seq></items>
                  </channel>
                  <item rdf:about="https://rdf.example/one">
                    <title>First &amp; foremost</title><link>https://rdf.example/one</link>
                    <description>The first item.</description>
                    <dc:creator>Grace Hopper</dc:creator><dc:date>2024-12-24T10:00:00Z</dc:date>
                  </item>
                  <item rdf:about="https://rdf.example/two">
                    <title>Second</title><link>https://rdf.example/two</link>
                  </item>
                </rdf:RDF>
                """);

        assertThat(feed.title()).isEqualTo("RDF Site");
        assertThat(feed.link()).contains(URI.create("https://rdf.example/"));
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("First & foremost", "Second");
        FeedEntry first = feed.entries().get(0);
        assertThat(first.link()).contains(URI.create("https://rdf.example/one"));
        assertThat(first.guid()).contains("https://rdf.example/one");
        assertThat(first.author()).contains("Grace Hopper");
        assertThat(first.published()).contains("2024-12-24");
        assertThat(first.contentHtml()).hasValueSatisfying(html -> assertThat(html).contains("The first item."));
    }

    // --- Atom 1.0 --------------------------------------------------------------------------------------------------

    @Test
    void reads_an_atom_feed_with_ids_alternate_links_and_relative_links_resolved() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="html">Atom &lt;em&gt;Example&lt;/em&gt;</title>
                  <link href="/"/>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2025-03-02T18:30:02Z</updated>
                  <entry>
                    <title>Atom-Powered Robots Run Amok</title>
                    <link rel="enclosure" href="https://cdn.example/robots.mp3" type="audio/mpeg"/>
                    <link rel="alternate" type="text/html" href="/2025/03/robots"/>
                    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                    <published>2025-03-01T08:00:00+02:00</published>
                    <updated>2025-03-02T18:30:02Z</updated>
                    <author><name>Ada Lovelace</name></author>
                    <author><name>Charles Babbage</name></author>
                    <summary>Summary only.</summary>
                    <content type="html">&lt;p&gt;Robots everywhere.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>Relative to the feed</title>
                    <link href="second.html"/>
                    <id>tag:blog.example,2025:2</id>
                    <updated>2025-02-20T10:00:00Z</updated>
                    <summary type="html">&lt;p&gt;From the summary.&lt;/p&gt;</summary>
                  </entry>
                </feed>
                """);

        assertThat(feed.title()).isEqualTo("Atom Example");
        assertThat(feed.link()).contains(URI.create("https://blog.example/"));
        FeedEntry first = feed.entries().get(0);
        assertThat(first.guid()).contains("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(first.link()).contains(URI.create("https://blog.example/2025/03/robots"));
        assertThat(first.title()).isEqualTo("Atom-Powered Robots Run Amok");
        assertThat(first.author()).contains("Ada Lovelace, Charles Babbage");
        assertThat(first.published()).contains("2025-03-01");
        assertThat(first.contentHtml()).contains("<p>Robots everywhere.</p>");

        FeedEntry second = feed.entries().get(1);
        assertThat(second.guid()).contains("tag:blog.example,2025:2");
        assertThat(second.link()).contains(URI.create("https://blog.example/feeds/second.html"));
        assertThat(second.published()).as("no published date: the updated one").contains("2025-02-20");
        assertThat(second.contentHtml()).contains("<p>From the summary.</p>");
    }

    @Test
    void atom_text_content_is_escaped_so_it_never_becomes_markup() throws Exception {
        Feed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
                <updated>2025-01-01T00:00:00Z</updated>
                <entry><title>Maths</title><id>urn:e1</id><updated>2025-01-01T00:00:00Z</updated>
                <link href="https://blog.example/maths"/>
                <content type="text">if a &lt; b &amp;&amp; c &gt; d then &lt;script&gt;alert(1)&lt;/script&gt;</content>
                </entry></feed>
                """);

        String html = feed.entries().get(0).contentHtml().orElseThrow();
        assertThat(html).doesNotContain("<script>", "< b");
        assertThat(html).contains("&lt;script&gt;", "a &lt; b");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(html).text())
                .isEqualTo("if a < b && c > d then <script>alert(1)</script>");
    }

    // --- Encodings -------------------------------------------------------------------------------------------------

    @Test
    void honours_the_encoding_declared_in_the_xml_declaration() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><title>Caf\u00e9 du Nord</title><link>https://cafe.example/</link>
                <item><title>R\u00e9sum\u00e9 \u00e0 la carte</title><link>https://cafe.example/r</link></item>
                </channel></rss>
                """;
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);

        Feed feed = parser.parse(latin1, FEED_URL, 10);

        assertThat(feed.title()).isEqualTo("Café du Nord");
        assertThat(feed.entries().get(0).title()).isEqualTo("Résumé à la carte");
    }

    @Test
    void reads_utf_8_with_a_byte_order_mark() throws Exception {
        byte[] body = rss("<item><title>Na\u00efve \u2014 caf\u00e9</title><link>https://blog.example/n</link></item>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        Feed feed = parser.parse(withBom, FEED_URL, 10);

        assertThat(feed.title()).isEqualTo("The Example Blog");
        assertThat(feed.entries().get(0).title()).isEqualTo("Naïve — café");
    }

    @Test
    void reads_utf_16_with_a_byte_order_mark() throws Exception {
        String xml = rss("<item><title>\u65e5\u672c\u8a9e</title><link>https://blog.example/ja</link></item>")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");

        Feed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_16), FEED_URL, 10); // Java writes a BOM

        assertThat(feed.entries().get(0).title()).isEqualTo("日本語");
    }

    // --- Hostile and broken input ----------------------------------------------------------------------------------

    @Test
    void refuses_a_feed_that_declares_entities_billion_laughs() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <rss version="2.0"><channel><title>&lol9;</title>
                <item><title>&lol9;</title><link>https://blog.example/lol</link></item></channel></rss>
                """;

        assertThatThrownBy(() -> parse(xml))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("declares entities")
                .hasMessageStartingWith("https://blog.example/feeds/all.xml");
    }

    @Test
    void refuses_an_external_entity_and_never_reads_the_file(@TempDir Path dir) throws Exception {
        String secret = "TOP-SECRET-" + System.nanoTime();
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, secret);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>&xxe;</title><link>https://blog.example/x</link><description>&xxe;</description></item>
                </channel></rss>
                """.formatted(file.toUri());

        FetchException e = catchThrowableOfType(FetchException.class, () -> parse(xml));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("declares entities");
        assertThat(everything(e)).doesNotContain(secret);
    }

    @Test
    void refuses_entity_declarations_however_the_prolog_is_dressed() {
        String lowerCase = """
                <?xml version="1.0"?><?xml-stylesheet href="style.xsl"?>
                <!-- a comment with a ] and a > in it -->
                <!doctype rss SYSTEM "about:legacy-compat" [<!ENTITY x "y">]>
                <rss version="2.0"><channel><title>&x;</title></channel></rss>
                """;
        String quotedBracket = """
                <!DOCTYPE rss PUBLIC "-//x//[not a subset]//EN" "http://127.0.0.1:1/>" [<!ENTITY x "y">]>
                <rss version="2.0"><channel><title>&x;</title></channel></rss>
                """;
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                .getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> parse(lowerCase)).isInstanceOf(FetchException.class)
                .hasMessageContaining("declares entities");
        assertThatThrownBy(() -> parse(quotedBracket)).isInstanceOf(FetchException.class)
                .hasMessageContaining("declares entities");
        assertThatThrownBy(() -> parser.parse(utf16, FEED_URL, 10)).isInstanceOf(FetchException.class)
                .hasMessageContaining("declares entities");
    }

    @Test
    void reads_an_old_rss_0_91_feed_with_a_plain_doctype_without_loading_it() throws Exception {
        try (WebServer server = WebServer.start()) {
            server.serve("/rss-0.91.dtd", Page.of("application/xml-dtd", "<!ENTITY % evil SYSTEM \"file:///etc/passwd\">"));
            String xml = """
                    <?xml version="1.0" encoding="ISO-8859-1"?>
                    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                      "%s">
                    <rss version="0.91"><channel>
                    <title>Netscape Era</title><link>https://old.example/</link><description>1999</description>
                    <language>en-us</language>
                    <item><title>Hello &amp; welcome</title><link>https://old.example/hello</link>
                    <description>The first post.</description></item>
                    </channel></rss>
                    """.formatted(server.url("/rss-0.91.dtd"));

            Feed feed = parse(xml);

            assertThat(feed.title()).isEqualTo("Netscape Era");
            assertThat(feed.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.title()).isEqualTo("Hello & welcome");
                assertThat(entry.link()).contains(URI.create("https://old.example/hello"));
                assertThat(entry.contentHtml()).hasValueSatisfying(h -> assertThat(h).contains("The first post."));
            });
            assertThat(server.requests()).as("nothing fetched for the DOCTYPE").isEmpty();
        }
    }

    @Test
    void reads_a_plain_doctype_whose_dtd_address_cannot_be_reached() throws Exception {
        Feed feed = parse("""
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:1/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Unreachable DTD</title><link>https://old.example/</link>
                <description>d</description>
                <item><title>Still read</title><link>https://old.example/still</link></item></channel></rss>
                """);

        assertThat(feed.title()).isEqualTo("Unreachable DTD");
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("Still read");
    }

    @Test
    void says_when_the_xml_is_not_well_formed() {
        String broken = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Broken</title>
                <item><title>Unclosed</item></channel></rss>
                """;

        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("https://blog.example/feeds/all.xml")
                .hasMessageContaining("is not well-formed XML");
    }

    @Test
    void says_when_the_xml_is_not_a_feed() {
        String note = """
                <?xml version="1.0"?>
                <note><to>Tove</to><from>Jani</from><body>Don't forget me this weekend!</body></note>
                """;

        assertThatThrownBy(() -> parse(note))
                .isInstanceOf(FetchException.class)
                .hasMessage("https://blog.example/feeds/all.xml is not an RSS or Atom feed Footnote can read.");
    }

    @Test
    void says_when_the_bytes_are_not_xml_at_all() {
        assertThatThrownBy(() -> parse("Just some words, no markup at all."))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("https://blog.example/feeds/all.xml is not well-formed XML");
    }

    @Test
    void messages_never_show_credentials_from_the_feed_address() {
        URI withPassword = URI.create("https://user:hunter2@blog.example/feed.xml");

        assertThatThrownBy(() -> parser.parse("<note/>".getBytes(StandardCharsets.UTF_8), withPassword, 5))
                .isInstanceOf(FetchException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("blog.example/feed.xml");
    }

    /** Every message and stack trace in the chain: where a leaked file's content would show. */
    private static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
