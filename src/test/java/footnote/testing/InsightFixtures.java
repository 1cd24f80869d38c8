package footnote.testing;

import footnote.insights.Cited;
import footnote.insights.InsightRecord;
import footnote.insights.InsightReport;
import footnote.insights.InsightStore;
import footnote.insights.Insights;
import footnote.insights.Vote;
import footnote.insights.VoterKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Insights for tests: the service over a store, a report with every section filled, records to report on. */
public final class InsightFixtures {

    /** When the fixtures' reports are made: noon on a Monday. */
    public static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    /** The server of the fixtures' records and report. */
    public static final String SERVER = "42";
    public static final String SYMPOSIUM = "when was the symposium";
    public static final String SOURCE_TITLE = "Xi Jinping’s Meeting with Private Tech Entrepreneurs";
    /** The bundled article the fixtures' records cite. */
    public static final String SOURCE_ID = "xi-meeting-private-tech-entrepreneurs";

    private InsightFixtures() {}

    /** Recording, with the default retention and a voter key of a test's own. */
    public static Insights insights(InsightStore store, Clock clock) {
        return new Insights(store, clock, true, Duration.ofDays(90), VoterKey.from("test secret"));
    }

    /** As configured with {@code insights.enabled: false}. */
    public static Insights off(InsightStore store, Clock clock) {
        return new Insights(store, clock, false, Duration.ofDays(90), VoterKey.from("test secret"));
    }

    /**
     * A week of server 42: 12 questions, 7 answered; "when was the symposium" declined 5 times, another question
     * twice; one answer voted not helpful twice (with a comment) and helpful once; three more helpful votes.
     */
    public static InsightReport report() {
        Instant from = NOW.minus(Duration.ofDays(7));
        List<InsightReport.Day> days = new ArrayList<>();
        for (int i = 0; i <= 7; i++) {
            LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC).plusDays(i);
            days.add(i == 6 ? new InsightReport.Day(date, 4, 3, 3, 2) : i == 7
                    ? new InsightReport.Day(date, 3, 2, 1, 0) : new InsightReport.Day(date, 0, 0, 0, 0));
        }
        return new InsightReport(SERVER, 7, from, NOW, 12, 7, 4, 2,
                List.of(new InsightReport.Unanswered(SYMPOSIUM, 5, NOW.minusSeconds(3_600)),
                        new InsightReport.Unanswered("who chairs the robotics panel", 2, NOW.minusSeconds(7_200))),
                List.of(new InsightReport.Disliked("who founded it?", Optional.of("who founded huawei?"), 2, 1,
                        List.of("the year is wrong"), NOW.minusSeconds(600))),
                List.of(new InsightReport.SourceUse("xi-meeting", SOURCE_TITLE, 5)),
                List.of(new InsightReport.SourceUse("rare-metals", "Beijing bans rare metal exports", 0)), days);
    }

    /** A week in which nobody asked anything. */
    public static InsightReport empty() {
        return new InsightReport(SERVER, 7, NOW.minus(Duration.ofDays(7)), NOW, 0, 0, 0, 0, List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    /**
     * Records of the last days: in server 42, the symposium question declined three times, an answer citing the Xi
     * meeting voted helpful and another voted not helpful with a comment; in the terminal, one answered question.
     */
    public static List<InsightRecord> records() {
        Cited xi = new Cited(SOURCE_ID, SOURCE_ID, SOURCE_TITLE);
        List<InsightRecord> records = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            records.add(record("s" + i, SERVER, NOW.minus(Duration.ofHours(i)), SYMPOSIUM,
                    InsightRecord.Outcome.DECLINED, List.of(), Map.of(), Map.of()));
        }
        records.add(record("a1", SERVER, NOW.minus(Duration.ofDays(1)), "who met xi jinping",
                InsightRecord.Outcome.ANSWERED, List.of(xi), Map.of("v1", Vote.HELPFUL), Map.of()));
        records.add(record("a2", SERVER, NOW.minus(Duration.ofDays(2)), "what did jack ma say",
                InsightRecord.Outcome.ANSWERED, List.of(xi), Map.of("v2", Vote.NOT_HELPFUL),
                Map.of("v2", "he gave no speech, say so")));
        records.add(record("t1", InsightRecord.TERMINAL, NOW.minus(Duration.ofDays(1)), "who met xi jinping",
                InsightRecord.Outcome.ANSWERED, List.of(xi), Map.of(), Map.of()));
        return records;
    }

    private static InsightRecord record(String id, String server, Instant asked, String question,
            InsightRecord.Outcome outcome, List<Cited> cited, Map<String, Vote> votes, Map<String, String> comments) {
        return new InsightRecord(id, server, asked, question, Optional.empty(), outcome,
                outcome == InsightRecord.Outcome.ANSWERED ? 0.8 : 0.2, cited, votes, comments);
    }
}
