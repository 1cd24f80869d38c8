package footnote.cli;

import footnote.insights.InsightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Insights reports as one CSV table (RFC 4180, a header row, UTF-8) that a spreadsheet opens as it is: one row per
 * figure, the {@code section} column saying which part of the report it belongs to, so one sheet holds several
 * servers and can be filtered. Columns that do not apply to a section are empty.
 *
 * <pre>
 * server       the Discord server's id, or "terminal"
 * days         the window, in days
 * section      total | day | unanswered | not_helpful | most_cited | never_cited
 * item         day: the date (UTC); unanswered, not_helpful: the question; most_cited, never_cited: the title
 * read_as      not_helpful: the question as read in its conversation, if it was
 * source_id    most_cited, never_cited: the source's id
 * count        total: questions; day: questions that day; unanswered: times asked; most_cited: answers citing it
 * answered, declined        total, day
 * helpful, not_helpful      total, day, not_helpful: votes
 * when         total: the end of the window; unanswered: last asked; not_helpful: asked (ISO-8601, UTC)
 * comments     not_helpful: what voters said was wrong, separated by " | "
 * </pre>
 *
 * A cell that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe: members' questions
 * and comments go into the sheet, and a spreadsheet would otherwise run one that looks like a formula.
 */
final class InsightCsv {

    static final String HEADER = "server,days,section,item,read_as,source_id,count,answered,declined,helpful,"
            + "not_helpful,when,comments";

    private InsightCsv() {}

    static String table(List<InsightReport> reports) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        reports.forEach(report -> rows(report, lines));
        return String.join("\r\n", lines) + "\r\n";
    }

    private static void rows(InsightReport r, List<String> lines) {
        lines.add(row(r, "total", "", "", "", r.asked(), r.answered(), r.asked() - r.answered(), r.helpful(),
                r.notHelpful(), r.to(), ""));
        for (InsightReport.Day d : r.days()) {
            lines.add(row(r, "day", d.date(), "", "", d.answered() + d.declined(), d.answered(), d.declined(),
                    d.helpful(), d.notHelpful(), "", ""));
        }
        for (InsightReport.Unanswered u : r.unanswered()) {
            lines.add(row(r, "unanswered", u.question(), "", "", u.count(), "", "", "", "", u.last(), ""));
        }
        for (InsightReport.Disliked d : r.disliked()) {
            lines.add(row(r, "not_helpful", d.question(), d.readAs().orElse(""), "", "", "", "", d.helpful(),
                    d.notHelpful(), d.asked(), String.join(" | ", d.comments())));
        }
        for (InsightReport.SourceUse s : r.mostCited()) {
            lines.add(row(r, "most_cited", s.title(), "", s.sourceId(), s.citations(), "", "", "", "", "", ""));
        }
        for (InsightReport.SourceUse s : r.neverCited()) {
            lines.add(row(r, "never_cited", s.title(), "", s.sourceId(), 0, "", "", "", "", "", ""));
        }
    }

    private static String row(InsightReport report, String section, Object... cells) {
        return Stream.concat(Stream.of(report.server(), report.windowDays(), section), Stream.of(cells))
                .map(cell -> cell(String.valueOf(cell))).collect(Collectors.joining(","));
    }

    /** Quoted when it holds a comma, a quote or a line break; defused when a spreadsheet would read a formula. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
