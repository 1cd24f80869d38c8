package footnote.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.insights.InsightReport;
import java.util.List;

/**
 * The insights report as data, for scripts: the JSON renderer's {@code report} and each element of
 * {@code footnote insights --json}. Stable snake_case keys, instants in ISO-8601 (UTC), the share answered in
 * [0, 1], every list in the report's order; no member ids or names, since the report has none.
 */
public final class InsightReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InsightReportJson() {}

    public static ObjectNode report(InsightReport report) {
        ObjectNode node = JSON.createObjectNode().put("server", report.server()).put("days", report.windowDays())
                .put("from", report.from().toString()).put("to", report.to().toString())
                .put("asked", report.asked()).put("answered", report.answered())
                .put("declined", report.asked() - report.answered())
                .put("answered_share", Math.round(report.answeredShare() * 1000) / 1000.0)
                .put("helpful", report.helpful()).put("not_helpful", report.notHelpful());
        ArrayNode unanswered = node.putArray("unanswered");
        report.unanswered().forEach(u -> unanswered.addObject().put("question", u.question())
                .put("count", u.count()).put("last_asked", u.last().toString()));
        ArrayNode disliked = node.putArray("not_helpful_answers");
        for (InsightReport.Disliked d : report.disliked()) {
            ArrayNode comments = disliked.addObject().put("question", d.question())
                    .put("read_as", d.readAs().orElse(null)).put("asked", d.asked().toString())
                    .put("not_helpful", d.notHelpful()).put("helpful", d.helpful()).putArray("comments");
            d.comments().forEach(comments::add);
        }
        sources(node.putArray("most_cited"), report.mostCited());
        sources(node.putArray("never_cited"), report.neverCited());
        ArrayNode days = node.putArray("per_day");
        report.days().forEach(d -> days.addObject().put("date", d.date().toString()).put("answered", d.answered())
                .put("declined", d.declined()).put("helpful", d.helpful()).put("not_helpful", d.notHelpful()));
        return node;
    }

    private static void sources(ArrayNode list, List<InsightReport.SourceUse> sources) {
        sources.forEach(s -> list.addObject().put("source_id", s.sourceId()).put("title", s.title())
                .put("citations", s.citations()));
    }
}
