package footnote.chat;

import footnote.answer.Citation;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pieces of a reply in Discord-flavoured Markdown, shared by every renderer: a quote with its key terms in
 * bold, and a citation line. Article text is escaped, so an asterisk in an article never opens a stray marker.
 */
public final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\*_~`|])");

    private Markdown() {}

    public static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /** The excerpt's text, escaped, with its highlights in bold. */
    public static String quote(Excerpt excerpt) {
        String text = excerpt.text();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Highlight h : excerpt.highlights()) {
            out.append(escape(text.substring(at, h.start())))
                    .append("**").append(escape(text.substring(h.start(), h.end()))).append("**");
            at = h.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    /** Title · author or publisher · date · link or file name, as far as each is known. */
    public static String citation(Citation citation) {
        List<String> parts = new ArrayList<>();
        parts.add(escape(citation.title()));
        citation.byline().map(Markdown::escape).ifPresent(parts::add);
        citation.published().map(d -> d.display()).ifPresent(parts::add);
        citation.url().or(citation::fileName).map(Markdown::escape).ifPresent(parts::add);
        return String.join(" · ", parts);
    }
}
