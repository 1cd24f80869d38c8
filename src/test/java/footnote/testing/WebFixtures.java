package footnote.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Pages and feeds for fetching tests, with enough text for a readability extractor to find the article. */
public final class WebFixtures {

    private WebFixtures() {}

    public static String article(String title, String author, String canonical, String... paragraphs) {
        String body = List.of(paragraphs).stream().map(p -> "<p>" + p + "</p>").collect(Collectors.joining("\n"));
        return """
                <!doctype html><html><head><title>%1$s | Harbour Gazette</title>
                <link rel="canonical" href="%3$s"><meta property="og:site_name" content="Harbour Gazette">
                <meta name="author" content="%2$s"><meta property="article:published_time" content="2025-02-01T10:00:00Z">
                <script>var tracking = true;</script></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
                <div class="ad">Buy now! Best prices on everything today only!</div>
                <article><h1>%1$s</h1>
                %4$s
                </article>
                <section class="comments"><h3>Comments</h3><p>Great article!!! Click here for free money.</p></section>
                <footer>© 2025 Harbour Gazette. All rights reserved.</footer></body></html>
                """.formatted(title, author, canonical, body);
    }

    /** An RSS 2.0 feed; each entry is {guid, link, title}. */
    public static String rss(String title, List<String[]> entries) {
        String items = entries.stream().map(e -> """
                <item><guid>%s</guid><link>%s</link><title>%s</title><pubDate>Sat, 01 Feb 2025 10:00:00 GMT</pubDate>
                <description>Summary of %3$s.</description></item>""".formatted(e[0], e[1], e[2]))
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>
                <description>News</description>
                %s
                </channel></rss>
                """.formatted(title, items);
    }

    /** A paragraph of plain prose about a topic, long enough to be an article's body. */
    public static String prose(String topic, int n) {
        return "The " + topic + " story, part " + n + ", begins in the harbour town where the engineers met every"
                + " morning to discuss the " + topic + " and the weather. They wrote down every detail of the "
                + topic + " in a notebook, which the mayor later read aloud at the festival.";
    }

    /**
     * A footnote.yaml for a test that fetches from {@code port} on loopback, which only the clearly named unsafe
     * setting allows; {@code extra} is appended as more YAML.
     */
    public static String loopbackConfig(java.nio.file.Path index, java.nio.file.Path bundled, int port, String extra) {
        return """
                index:
                  path: %s
                sources:
                  bundled: [%s]
                fetch:
                  unsafeAllowPrivateAddresses: true
                  allowedPorts: [%d]
                """.formatted(index, bundled, port) + extra;
    }
}
