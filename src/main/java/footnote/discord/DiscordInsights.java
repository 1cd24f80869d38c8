package footnote.discord;

import footnote.chat.InsightLines;
import footnote.chat.Markdown;
import footnote.chat.Shortening;
import footnote.insights.InsightReport;
import java.util.List;

/**
 * The insights report as one Discord message: the headline, then each section under a bold title, members' words
 * and sources' titles escaped. A busy server's report may not fit in Discord's 2,000 characters: then every section
 * shows fewer lines (and fewer comments per answer) until it does, so no section is lost to the ones before it; the
 * command line prints the whole report.
 */
final class DiscordInsights {

    /** How many lines of each section, and comments under an answer, to try, longest first. */
    private static final int[] LINES = {10, 5, 3, 1};

    private DiscordInsights() {}

    static String text(InsightReport report, int maxContent) {
        List<InsightLines.Section> sections = InsightLines.sections(report, Markdown::escape);
        String text = "";
        for (int lines : LINES) {
            text = layout(report, sections, lines);
            if (text.length() <= maxContent) {
                return text;
            }
        }
        // One line a section still too long (titles of hundreds of characters): cut, at a line's end if one fits.
        String cut = Shortening.cut(text, maxContent);
        int line = cut.lastIndexOf('\n');
        return line > 0 ? cut.substring(0, line) + "\n" + Shortening.ELLIPSIS : cut;
    }

    private static String layout(InsightReport report, List<InsightLines.Section> sections, int lines) {
        StringBuilder out = new StringBuilder("**Insights** · ").append(InsightLines.headline(report));
        for (InsightLines.Section section : sections) {
            out.append("\n\n**").append(section.title()).append("**");
            if (section.items().isEmpty()) {
                out.append('\n').append(section.none());
            }
            List<InsightLines.Item> shown = section.items().subList(0, Math.min(lines, section.items().size()));
            for (InsightLines.Item item : shown) {
                out.append("\n• ").append(item.line());
                item.notes().stream().limit(Math.max(1, lines / 3)).forEach(note -> out.append("\n  ").append(note));
            }
            int more = section.items().size() - shown.size() + section.more();
            if (more > 0) {
                out.append("\n• … and ").append(more).append(" more");
            }
        }
        return out.toString();
    }
}
