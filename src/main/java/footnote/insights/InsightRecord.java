package footnote.insights;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One question a server's members asked, and what became of it. Holds no member id, name or channel: votes and
 * comments are keyed by a voter hash ({@link VoterKey}) that cannot be turned back into a member.
 *
 * @param id         random, unique; what a vote's button names
 * @param server     the Discord server's id, or {@link #TERMINAL} for questions asked in the terminal
 * @param question   as asked (after the question check's cleaning)
 * @param readAs     as read, when that differs: a follow-up read in context, a misspelling corrected
 * @param confidence the answer's confidence, in [0, 1]
 * @param cited      what the answer quoted, best first; none for a decline
 * @param votes      each voter's current vote
 * @param comments   each voter's comment on a "not helpful" vote
 */
public record InsightRecord(String id, String server, Instant asked, String question, Optional<String> readAs,
        Outcome outcome, double confidence, List<Cited> cited, Map<String, Vote> votes, Map<String, String> comments) {

    /** The "server" of questions asked in the terminal: the operator's own. */
    public static final String TERMINAL = "terminal";

    /** Whether the sources answered the question. */
    public enum Outcome { ANSWERED, DECLINED }

    public InsightRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(readAs, "readAs");
        Objects.requireNonNull(outcome, "outcome");
        cited = List.copyOf(cited);
        votes = Map.copyOf(votes);
        comments = Map.copyOf(comments);
    }

    /** The same record with this voter's vote set (a second press replaces the first). */
    public InsightRecord withVote(String voter, Vote vote) {
        Map<String, Vote> changed = new LinkedHashMap<>(votes);
        changed.put(voter, vote);
        return new InsightRecord(id, server, asked, question, readAs, outcome, confidence, cited, changed, comments);
    }

    /** The same record with this voter's comment set. */
    public InsightRecord withComment(String voter, String comment) {
        Map<String, String> changed = new LinkedHashMap<>(comments);
        changed.put(voter, comment);
        return new InsightRecord(id, server, asked, question, readAs, outcome, confidence, cited, votes, changed);
    }

    public long count(Vote vote) {
        return votes.values().stream().filter(vote::equals).count();
    }
}
