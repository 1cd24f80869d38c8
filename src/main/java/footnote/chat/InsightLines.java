package footnote.chat;

import footnote.insights.InsightChart;
import footnote.insights.InsightReport;
import footnote.insights.InsightReports;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The words of the insights report, shared by the renderers and the command line so that a moderator in Discord and
 * the operator in a terminal read the same figures in the same words: the questions asked and the share answered,
 * the votes, the most asked questions the sources could not answer, the answers voted not helpful with their
 * comments, and the most and never cited sources. Each medium lays the sections out and escapes members' words for
 * its own markup. Nothing here names a member: the report holds no member ids or names. Public for the Discord
 * renderer, in {@code footnote.discord}.
 */
public final class InsightLines {

    /** The longest question or title a line shows: the report is read at a glance. */
    static final int MAX_LINE = 200;

    private InsightLines() {}

    /**
     * A part of the report: its title, its lines, and what it says when it has none.
     *
     * @param none shown instead of the lines when there are none
     * @param more how many more there are than the lines list ("and 40 more")
     */
    public record Section(String title, List<Item> items, String none, int more) {
        public Section {
            items = List.copyOf(items);
        }

        Section(String title, List<Item> items, String none) {
            this(title, items, none, 0);
        }
    }

    /**
     * One line of a section, with the lines under it (the comments on an answer voted not helpful).
     *
     * @param notes each a member's words, already escaped and in quotation marks
     */
    public record Item(String line, List<String> notes) {
        public Item {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The report's first line: "In the last 7 days: 12 questions, 9 answered (75%). Votes: 3 helpful, 1 not
     * helpful." When nothing was asked, only that: "No questions in the last 7 days."
     */
    public static String headline(InsightReport report) {
        String window = "the last " + report.windowDays() + (report.windowDays() == 1 ? " day" : " days");
        if (report.asked() == 0) {
            return "No questions in " + window + ".";
        }
        return "In " + window + ": " + count(report.asked(), "question", "questions") + ", " + report.answered()
                + " answered (" + Math.round(report.answeredShare() * 100) + "%). " + votes(report);
    }

    private static String votes(InsightReport report) {
        if (report.helpful() + report.notHelpful() == 0) {
            return "No votes yet.";
        }
        return "Votes: " + report.helpful() + " helpful, " + report.notHelpful() + " not helpful.";
    }

    /**
     * The report's sections, in the order they are read; none when nothing was asked (the headline says so).
     *
     * @param escape makes members' words and sources' titles safe in the medium's markup
     */
    public static List<Section> sections(InsightReport report, UnaryOperator<String> escape) {
        if (report.asked() == 0) {
            return List.of();
        }
        return List.of(
                new Section("Most asked, not answered", report.unanswered().stream()
                        .map(u -> new Item(said(u.question(), escape) + (u.count() > 1 ? " ×" + u.count() : ""),
                                List.of()))
                        .toList(), "None: the sources answered every question."),
                new Section("Answers voted not helpful", report.disliked().stream()
                        .map(d -> disliked(d, escape)).toList(), "None."),
                new Section("Most cited sources", report.mostCited().stream()
                        .map(s -> new Item(source(s, escape) + " · " + count(s.citations(), "answer", "answers"),
                                List.of()))
                        .toList(), "None: no answer quoted a source."),
                new Section("Never cited", report.neverCited().stream().limit(InsightReports.TOP)
                        .map(s -> new Item(source(s, escape), List.of())).toList(),
                        "None: every source was cited.",
                        Math.max(0, report.neverCited().size() - InsightReports.TOP)));
    }

    private static Item disliked(InsightReport.Disliked d, UnaryOperator<String> escape) {
        String read = d.readAs().map(r -> " (read as: " + said(r, escape) + ")").orElse("");
        List<String> comments = d.comments().stream().filter(c -> !c.isBlank())
                .map(c -> "“" + said(c, escape) + "”").toList();
        return new Item(said(d.question(), escape) + read + " · " + d.notHelpful() + " not helpful, " + d.helpful()
                + " helpful", comments);
    }

    private static String source(InsightReport.SourceUse source, UnaryOperator<String> escape) {
        return said(source.title(), escape) + " (id " + escape.apply(source.sourceId()) + ")";
    }

    /** Someone's words on one line, cut to a glance, then escaped (cutting escaped text could split an escape). */
    private static String said(String text, UnaryOperator<String> escape) {
        return escape.apply(Shortening.cut(text.replaceAll("\\s+", " ").strip(), MAX_LINE));
    }

    /**
     * The whole report as plain text, as the terminal and {@code footnote insights} print it: the headline, then
     * each section as a titled list.
     */
    public static String text(InsightReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(report));
        for (Section section : sections(report, UnaryOperator.identity())) {
            lines.add("");
            lines.add(section.title() + ":");
            if (section.items().isEmpty()) {
                lines.add("  " + section.none());
            }
            for (Item item : section.items()) {
                lines.add("- " + item.line());
                item.notes().forEach(note -> lines.add("    " + note));
            }
            if (section.more() > 0) {
                lines.add("- and " + section.more() + " more");
            }
        }
        return String.join("\n", lines);
    }

    /** The chart's words: its title names the window, the legend the bars and the marks. */
    public static InsightChart.Labels chartLabels(InsightReport report) {
        return new InsightChart.Labels("Questions a day, last " + report.windowDays() + " days (UTC)", "Answered",
                "Declined", "Helpful votes", "Not helpful votes", "Questions", "Votes");
    }

    /** Insights are off, as the operator reads it: they chose it in the settings. */
    public static final String OFF_FOR_OPERATOR = "Insights are off (insights.enabled: false): no questions are"
            + " recorded, so there is nothing to show.";
    /** Insights are off, as a server's moderator reads it: only the bot's operator can turn them on. */
    public static final String OFF_FOR_MODERATORS = "Insights are off: the bot's operator has set it to record no"
            + " questions, so there is nothing to show.";

    /** What {@code insights forget} did. */
    public static String forgotten(int deleted, boolean terminal) {
        String whose = terminal ? "the terminal's" : "this server's";
        if (deleted == 0) {
            return "There were no insight records to delete; " + whose + " records are empty.";
        }
        return "Deleted " + whose + " " + count(deleted, "insight record", "insight records")
                + ": the questions, their outcomes, votes and comments.";
    }

    /** The one-line acknowledgement of a member's vote on an answer. */
    public static String vote(VoteResult result, Vote vote) {
        String verdict = vote == Vote.HELPFUL ? "helpful" : "not helpful";
        return switch (result) {
            case RECORDED -> "Thanks: noted as " + verdict + ".";
            case CHANGED -> "Thanks: your vote is now " + verdict + ".";
            case UNCHANGED -> "You had already voted " + verdict + "; nothing changed.";
            default -> unrecorded(result);
        };
    }

    /** The acknowledgement of a vote that came with a comment, both stored ({@code - the date is wrong}). */
    public static String voteWithComment(VoteResult result, Vote vote) {
        String verdict = vote == Vote.HELPFUL ? "helpful" : "not helpful";
        return switch (result) {
            case RECORDED -> "Thanks: noted as " + verdict + ", with your comment.";
            case CHANGED -> "Thanks: your vote is now " + verdict + ", with your comment.";
            case UNCHANGED -> comment(result);
            default -> unrecorded(result);
        };
    }

    /** The acknowledgement of a member's comment on an answer. */
    public static String comment(VoteResult result) {
        return result == VoteResult.RECORDED || result == VoteResult.CHANGED || result == VoteResult.UNCHANGED
                ? "Thanks: your comment is kept with your vote." : unrecorded(result);
    }

    private static String unrecorded(VoteResult result) {
        return switch (result) {
            case EXPIRED -> "That answer's record is gone (expired or deleted): votes on it are no longer taken.";
            case OFF -> "Insights are off: votes are not recorded.";
            default -> "Sorry, your vote could not be recorded just now; try again in a while.";
        };
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
