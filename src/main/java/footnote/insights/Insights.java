package footnote.insights;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of insight records: records answers off the answering path (one writer thread, a bounded queue),
 * writing the records queued at a moment in one store commit, takes votes and comments in order behind them,
 * forgets a server's records, and purges those past the retention.
 * While {@code enabled} is false it records nothing at all. A store that is down costs records, never an answer,
 * and the log says so once until the store is back. Thread-safe.
 */
public final class Insights implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Insights.class);
    /** Writes waiting beyond this are dropped: a store this far behind is as good as down. */
    static final int QUEUE = 1_000;
    /** The most records one commit writes: a batch is what closing waits for once it has begun. */
    static final int BATCH = 100;
    /**
     * How long the writer gathers records before a commit. A commit per record (70–140 ms each on the embedded
     * store) took CPU the answers needed: 216 questions typed at the terminal took 10.4 s with insights on against
     * 8.5 s off (median of 4); gathering for 250 ms, 9.5 s; for 1 s, 9.3 s. With half a second, the answers alone
     * took 6.0 s against 5.6 s off (mean of 3, first answer to last), and closing 0.2–0.4 s. Half a second keeps a
     * vote (which waits behind it, {@link #VOTE_WAIT}) well within Discord's 3 s.
     */
    static final Duration GATHER = Duration.ofMillis(500);
    /** How long closing waits for queued writes: a commit of up to {@link #BATCH} takes ~0.15 s here. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** How long a vote waits for the writer: Discord wants a button acknowledged within 3 s. */
    static final Duration VOTE_WAIT = Duration.ofSeconds(2);
    /** A comment is a few sentences; Discord's text field is set to the same length. */
    public static final int MAX_COMMENT = 500;

    private final InsightStore store;
    private final Clock clock;
    private final boolean enabled;
    private final Duration retention;
    private final VoterKey voters;
    private final ThreadPoolExecutor writer;
    /**
     * Records waiting for the writer. Each record also queues a flush behind it, which writes the records waiting
     * then in one commit (see {@link #GATHER}); the flushes behind it write the rest, or find nothing left.
     */
    private final ArrayBlockingQueue<InsightRecord> pending = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean down = new AtomicBoolean();
    /** Set when closing took too long: the writes still queued are dropped rather than waited for. */
    private final AtomicBoolean dropping = new AtomicBoolean();

    public Insights(InsightStore store, Clock clock, boolean enabled, Duration retention, VoterKey voters) {
        this.store = store;
        this.clock = clock;
        this.enabled = enabled;
        this.retention = retention;
        this.voters = voters;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread thread = new Thread(r, "insights-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Records a question and its answer in the background; returns the record's id at once (what a vote names), or
     * nothing when insights are off or the answer is small talk, which is no question about the sources.
     */
    public Optional<String> record(String server, Answer answer, Optional<String> readAs) {
        return record(server, answer.question(), answer, readAs);
    }

    /**
     * As {@link #record(String, Answer, Optional)}, with the question as the member asked it: a follow-up's answer
     * carries the question as read in its conversation, which is stored as {@code readAs}.
     */
    public Optional<String> record(String server, String question, Answer answer, Optional<String> readAs) {
        if (!enabled || answer.outcome() instanceof Answer.SmallTalk) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        InsightRecord record = new InsightRecord(id, server, clock.instant(), question,
                readAs.or(answer::readAs), answer.found() ? InsightRecord.Outcome.ANSWERED
                : InsightRecord.Outcome.DECLINED, answer.confidence(), cited(answer.excerpts()), Map.of(), Map.of());
        if (!pending.offer(record)) {
            lost("the writer is behind");
        } else {
            try {
                writer.execute(this::flush);
            } catch (RejectedExecutionException e) {
                // A full writer queue holds flushes enough for every record waiting; a closed writer loses it.
                if (writer.isShutdown()) {
                    pending.remove(record);
                    lost("the writer is closed");
                }
            }
        }
        return Optional.of(id);
    }

    /** A member's vote on a recorded answer; a second press replaces the first. */
    public VoteResult vote(String server, String recordId, String memberId, Vote vote) {
        return change(server, recordId, record -> {
            String voter = voters.voter(recordId, memberId);
            Vote before = record.votes().get(voter);
            if (vote == before) {
                return new Change(record, VoteResult.UNCHANGED);
            }
            return new Change(record.withVote(voter, vote), before == null ? VoteResult.RECORDED : VoteResult.CHANGED);
        });
    }

    /** A member's comment on a recorded answer ("what was wrong or missing?"), cut to {@link #MAX_COMMENT}. */
    public VoteResult comment(String server, String recordId, String memberId, String comment) {
        String text = comment.strip();
        String kept = text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text;
        return change(server, recordId, record -> new Change(
                record.withComment(voters.voter(recordId, memberId), kept), VoteResult.RECORDED));
    }

    /** The server's records of the last {@code window}, oldest first; none when insights are off. */
    public List<InsightRecord> recent(String server, Duration window) {
        if (!enabled) {
            return List.of();
        }
        return store.since(server, clock.instant().minus(window));
    }

    /**
     * The server's report over the last {@code days}, from a moment's reading of the store; empty when insights are
     * off.
     *
     * @param sources the server's sources, for those never cited
     */
    public InsightReport report(InsightReports reports, String server, int days,
            List<InsightReport.SourceUse> sources) {
        Instant now = clock.instant();
        List<InsightRecord> records = enabled ? store.since(server, now.minus(Duration.ofDays(days))) : List.of();
        return reports.build(server, days, now, records, sources);
    }

    /** The servers that have records, for the operator's report; none when insights are off. */
    public List<String> servers() {
        return enabled ? store.servers() : List.of();
    }

    /**
     * Deletes every record of the server now; returns how many. Runs on the writer, behind the records already
     * queued, so that none of them is written after it (a question asked just before would outlive the forget).
     *
     * @throws InsightStoreException when the store cannot be reached: the moderator is told it did not happen
     */
    public int forget(String server) {
        Future<Integer> done;
        try {
            done = writer.submit(() -> store.deleteServer(server));
        } catch (RejectedExecutionException e) {
            return store.deleteServer(server); // closing, or far behind: delete now rather than not at all
        }
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new InsightStoreException("could not delete the records of " + server, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsightStoreException("interrupted while deleting the records of " + server, e);
        }
    }

    /** Deletes the records older than the retention, in every server; returns how many. */
    public int purge() {
        return store.deleteBefore(clock.instant().minus(retention));
    }

    private record Change(InsightRecord record, VoteResult result) {}

    private interface Changer {
        Change apply(InsightRecord record);
    }

    private VoteResult change(String server, String recordId, Changer changer) {
        if (!enabled) {
            return VoteResult.OFF;
        }
        Future<VoteResult> done;
        try {
            done = writer.submit(() -> write(() -> {
                Optional<InsightRecord> found = store.get(server, recordId);
                if (found.isEmpty()) {
                    return VoteResult.EXPIRED;
                }
                Change change = changer.apply(found.get());
                if (change.result() != VoteResult.UNCHANGED) {
                    store.put(change.record());
                }
                return change.result();
            }));
        } catch (RejectedExecutionException e) {
            lost("the writer is behind");
            return VoteResult.UNAVAILABLE;
        }
        try {
            VoteResult result = done.get(VOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return result == null ? VoteResult.UNAVAILABLE : result;
        } catch (TimeoutException | ExecutionException e) {
            return VoteResult.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VoteResult.UNAVAILABLE;
        }
    }

    /**
     * On the writer: gathers for {@link #GATHER} (not once closing), then writes the records waiting, up to
     * {@link #BATCH}, in one commit; a flush behind another finds nothing.
     */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (!writer.isShutdown()) {
            try {
                Thread.sleep(GATHER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // write what there is now
            }
        }
        List<InsightRecord> batch = new ArrayList<>();
        pending.drainTo(batch, BATCH);
        if (!batch.isEmpty()) {
            write(() -> {
                store.putAll(batch);
                return null;
            });
        }
    }

    /** Runs a store call on the writer; a store that is down is logged once, until a call succeeds again. */
    private <T> T write(Callable<T> call) {
        if (dropping.get()) {
            return null;
        }
        try {
            T result = call.call();
            if (down.compareAndSet(true, false)) {
                log.info("Insights store is back: questions are recorded again");
            }
            return result;
        } catch (InsightStoreException e) {
            lost(e.getMessage());
            return null;
        } catch (Exception e) {
            lost(e.toString());
            return null;
        }
    }

    private void lost(String why) {
        if (down.compareAndSet(false, true)) {
            log.warn("Insights store unavailable ({}): questions are answered but not recorded until it is back", why);
        }
    }

    private static List<Cited> cited(List<Excerpt> excerpts) {
        Map<String, Cited> cited = new LinkedHashMap<>();
        for (Excerpt excerpt : excerpts) {
            cited.putIfAbsent(excerpt.sourceId() + "\n" + excerpt.articleId(),
                    new Cited(excerpt.sourceId(), excerpt.articleId(), excerpt.citation().title()));
        }
        return List.copyOf(cited.values());
    }

    /**
     * Lets queued writes finish for a few seconds, then drops the rest and waits for the one in hand; the store is
     * closed by its owner. The writer is never interrupted: an interrupt closes Lucene's open files under it
     * ({@code ClosedByInterruptException}), so the store would read as broken until reopened.
     */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Insights: {} records still queued at shutdown are not kept", pending.size());
                dropping.set(true);
                writer.awaitTermination(1, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            dropping.set(true);
            Thread.currentThread().interrupt();
        }
    }
}
