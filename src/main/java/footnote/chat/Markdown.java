package footnote.chat;

import footnote.answer.Citation;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.PassageKind;
import footnote.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of a reply in Discord-flavoured Markdown, shared by every renderer: a quote with its key terms in
 * bold, and a citation line. Article text is escaped, so an asterisk in an article never opens a stray marker.
 */
public final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\*_~`|])");
    private static final Pattern CHAT_SYNTAX =
            Pattern.compile("<(?:@[!&]?|#)\\d+>|@everyone|@here|https?://[^\\s<>]*[^\\s<>.,;:!?)\\]'\"”’]");

    /** Control and formatting characters, but not line breaks, tabs or the joiner that emoji sequences need. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D\\n\\t]]");

    private Markdown() {}

    /**
     * Escapes Markdown, and shows control and formatting characters (bidirectional overrides such as U+202E
     * included) as {@code \\u202E}: a name that reverses the text around it, or hides a line break, is shown as
     * what it is.
     */
    public static String escape(String text) {
        return INVISIBLE.matcher(SPECIAL.matcher(text).replaceAll("\\\\$1"))
                .replaceAll(m -> Matcher.quoteReplacement(String.format("\\u%04X", (int) m.group().charAt(0))));
    }

    /** The excerpt's text, escaped, with its highlights in bold. */
    public static String quote(Excerpt excerpt) {
        return quote(excerpt, false);
    }

    /**
     * The excerpt's text, escaped, with its highlights in bold. With {@code chatSyntax}, mentions
     * ({@code <@123>}, {@code <@&123>}, {@code <#123>}, {@code @everyone}, {@code @here}) and links stay exactly
     * as written, unbolded and unescaped, and links go in angle brackets so Discord shows no preview; whether a
     * mention pings is decided by the message's allowed mentions, not here.
     */
    public static String quote(Excerpt excerpt, boolean chatSyntax) {
        String text = excerpt.text();
        List<int[]> verbatim = new ArrayList<>();
        if (chatSyntax) {
            Matcher m = CHAT_SYNTAX.matcher(text);
            while (m.find()) {
                verbatim.add(new int[] {m.start(), m.end()});
            }
        }
        List<Highlight> bold = excerpt.highlights().stream()
                .filter(h -> verbatim.stream().noneMatch(v -> h.start() < v[1] && v[0] < h.end()))
                .toList();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] v : verbatim) {
            appendBold(out, text, at, v[0], bold);
            String raw = text.substring(v[0], v[1]);
            out.append(raw.startsWith("http") ? "<" + raw + ">" : raw);
            at = v[1];
        }
        appendBold(out, text, at, text.length(), bold);
        return out.toString();
    }

    /** {@code text[from, to)} escaped, with the highlights that lie inside it in bold. */
    private static void appendBold(StringBuilder out, String text, int from, int to, List<Highlight> bold) {
        int at = from;
        for (Highlight h : bold) {
            if (h.start() >= from && h.end() <= to) {
                out.append(escape(text.substring(at, h.start())))
                        .append("**").append(escape(text.substring(h.start(), h.end()))).append("**");
                at = h.end();
            }
        }
        out.append(escape(text.substring(at, to)));
    }

    /** Title · author or publisher · date · link or file name, as far as each is known. */
    public static String citation(Citation citation) {
        List<String> parts = new ArrayList<>();
        parts.add(escape(citation.title()));
        citation.byline().map(Markdown::escape).ifPresent(parts::add);
        date(citation).map(Markdown::escape).ifPresent(parts::add);
        citation.url().or(citation::fileName).map(Markdown::escape).ifPresent(parts::add);
        return String.join(" · ", parts);
    }

    /**
     * The date as a citation shows it, unescaped: {@code 4 Mar 2025}; for an undated article with a note on when it
     * was written, {@code undated; Written shortly after …}, the note as its curator wrote it (changing its case
     * could misspell a name it starts with); else nothing.
     */
    public static Optional<String> date(Citation citation) {
        return citation.published().map(d -> d.display())
                .or(() -> citation.dateNote().map(note -> "undated; " + note));
    }

    /**
     * What labels an excerpt that is not the article's prose, so that a caption is never read as the article's
     * own words: {@code Caption}; nothing for prose.
     */
    public static Optional<String> label(Excerpt excerpt) {
        return excerpt.kind() == PassageKind.CAPTION ? Optional.of("Caption") : Optional.empty();
    }

    /**
     * The label of a summary sentence that rests on captions alone, so that a caption quoted in the summary is not
     * read as the article's prose either; nothing for a sentence that cites prose.
     */
    public static Optional<String> label(Summary.Sentence sentence, List<Excerpt> excerpts) {
        boolean captionsOnly = !sentence.cites().isEmpty() && sentence.cites().stream().allMatch(n -> excerpts.stream()
                .anyMatch(e -> e.number() == n && e.kind() == PassageKind.CAPTION));
        return captionsOnly ? Optional.of("Caption") : Optional.empty();
    }
}
