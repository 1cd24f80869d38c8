package footnote.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text as paragraphs: one per block element (paragraph, heading, list item, quote, table cell …), in
 * document order, whitespace collapsed. Text between blocks, as in {@code <div>text<p>more</p></div>}, is a
 * paragraph of its own, and two {@code <br>} in a row end one, as old pages write paragraphs that way.
 */
final class Blocks {

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "td", "th", "div", "section", "article", "main", "header", "footer", "ul", "ol", "dl", "dt", "dd",
            "table", "tr", "tbody", "thead", "tfoot", "caption", "figure", "figcaption", "address", "details",
            "summary", "hr", "center", "body", "html", "fieldset", "legend", "aside", "nav", "form", "menu");
    /** Never text: code, styling, media and controls. */
    static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas",
            "iframe", "object", "embed", "video", "audio", "picture", "img", "button", "select", "textarea", "input",
            "head", "title", "meta", "link");
    private static final char BREAK = '\u2028';
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile(BREAK + "[\\s\\u00A0]*" + BREAK + "[\\s" + BREAK + "]*");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2028\\u2029\\u200B\\uFEFF]+");

    private Blocks() {
    }

    /**
     * Class and id words that mark page furniture rather than article text: comment threads, share bars, related
     * links, sign-up boxes, ads. The same idea as Readability's "unlikely candidates", applied inside the element
     * a page marks as its article, where Readability does not look.
     */
    private static final Pattern FURNITURE_NAME = Pattern.compile("(?i)(?:^|[\\s_-])(?:comments?|disqus|replies|share|"
            + "sharing|social|related|recommended|newsletter|subscribe|signup|promo|sponsored|sponsor|advert|ads?|"
            + "banner|popup|modal|cookies?|gdpr|breadcrumbs?|pagination|pager|sidebar|skip-link|tags)(?:$|[\\s_-])");

    private static final Pattern ARTICLE_NAME = Pattern.compile("(?i)article|body|content|main|story|entry|text");

    /** The paragraphs of {@code root}, leaving out the subtrees of elements named in {@code skip} (lower case). */
    static List<String> paragraphs(Element root, Set<String> skip) {
        return paragraphs(root, skip, false);
    }

    /** As {@link #paragraphs(Element, Set)}, also leaving out elements whose class or id names furniture. */
    static List<String> withoutFurniture(Element root, Set<String> skip) {
        return paragraphs(root, skip, true);
    }

    private static List<String> paragraphs(Element root, Set<String> skip, boolean skipFurniture) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element element)) {
                    return FilterResult.SKIP_ENTIRELY; // comments, doctypes, data nodes
                }
                String tag = element.normalName().toLowerCase(Locale.ROOT);
                if (NEVER_TEXT.contains(tag) || skip.contains(tag) || isHidden(element)
                        || (skipFurniture && element != root && isFurniture(element))) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("br")) {
                    current.append(BREAK);
                } else if (BLOCKS.contains(tag)) {
                    flush(current, paragraphs);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush(current, paragraphs);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(current, paragraphs);
        return paragraphs;
    }

    /** Whitespace of every kind collapsed to single spaces, trimmed. */
    static String collapse(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The number of words in the paragraphs: how much text there really is. */
    static int words(List<String> paragraphs) {
        int words = 0;
        for (String paragraph : paragraphs) {
            for (String word : paragraph.split(" ")) {
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                }
            }
        }
        return words;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() == 0) {
            return;
        }
        for (String part : PARAGRAPH_BREAK.split(current)) {
            String text = collapse(part);
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        current.setLength(0);
    }

    private static boolean isFurniture(Element element) {
        String names = element.className() + " " + element.id();
        // "post-content has-comments" wraps the article itself; Readability keeps such names for the same reason.
        return FURNITURE_NAME.matcher(names).find() && !ARTICLE_NAME.matcher(names).find();
    }

    /**
     * True when the text is not text: binary bytes read as a page decode to replacement characters and controls.
     * A few stray ones are common in real pages; more than one character in fifty is not a page.
     */
    static boolean garbled(List<String> paragraphs) {
        long total = 0;
        long bad = 0;
        for (String paragraph : paragraphs) {
            total += paragraph.length();
            bad += paragraph.chars().filter(c -> c == '\uFFFD' || (Character.isISOControl(c)
                    && !Character.isWhitespace(c)) || Character.getType(c) == Character.PRIVATE_USE).count();
        }
        return bad * 50 > total;
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))) {
            return true;
        }
        String style = element.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden");
    }
}
