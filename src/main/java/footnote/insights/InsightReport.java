package footnote.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server's members asked over a window, as data: renderers put it into words, a table, CSV or a chart.
 *
 * @param server      the Discord server's id, or {@link InsightRecord#TERMINAL}
 * @param asked       questions recorded (small talk is not)
 * @param answered    of them, those the sources answered
 * @param unanswered  the questions the sources could not answer, near-duplicates grouped, most asked first
 * @param disliked    answers voted not helpful, with their comments, most recent first
 * @param mostCited   sources by how many answers cited them, most first
 * @param neverCited  the server's sources that no answer cited in the window
 * @param days        one entry per day of the window, oldest first (UTC days)
 */
public record InsightReport(String server, int windowDays, Instant from, Instant to, int asked, int answered,
        long helpful, long notHelpful, List<Unanswered> unanswered, List<Disliked> disliked,
        List<SourceUse> mostCited, List<SourceUse> neverCited, List<Day> days) {

    public InsightReport {
        Objects.requireNonNull(server, "server");
        unanswered = List.copyOf(unanswered);
        disliked = List.copyOf(disliked);
        mostCited = List.copyOf(mostCited);
        neverCited = List.copyOf(neverCited);
        days = List.copyOf(days);
    }

    /**
     * A question the sources could not answer, with the near-duplicates asked in other words.
     *
     * @param question the wording asked most often (the earliest of equals)
     * @param count    how many times it was asked, in any of the wordings
     * @param last     when it was last asked
     */
    public record Unanswered(String question, int count, Instant last) {}

    /** An answer voted not helpful: the question (as read, if so), its votes and what voters said was wrong. */
    public record Disliked(String question, Optional<String> readAs, long notHelpful, long helpful,
            List<String> comments, Instant asked) {
        public Disliked {
            comments = List.copyOf(comments);
        }
    }

    /** A source and how many answers of the window cited it. */
    public record SourceUse(String sourceId, String title, int citations) {}

    /** One day's questions and votes. */
    public record Day(LocalDate date, int answered, int declined, long helpful, long notHelpful) {}

    /** The share of questions answered, in [0, 1]; 0 with no questions. */
    public double answeredShare() {
        return asked == 0 ? 0 : (double) answered / asked;
    }
}
