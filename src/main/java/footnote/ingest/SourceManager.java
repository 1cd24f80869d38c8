package footnote.ingest;

import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceActivity;
import footnote.corpus.SourceActivity.Kind;
import footnote.corpus.SourceAdmin;
import footnote.corpus.SourceCatalog;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceChange.Refusal;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.corpus.WebAddress;
import footnote.fetch.Fetcher;
import footnote.ingest.JobQueue.Job;
import footnote.search.PassageIndex;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The life of run-time sources: adding pages and feeds, uploads, refreshes, feed polls and removals, per scope.
 *
 * <p>Work runs on one background thread, a job at a time ({@link JobQueue}), so the index has one writer and jobs
 * queue in order; questions keep being answered meanwhile, and each finished job is visible to the next question.
 * Removal does not queue: it stops the source's jobs through their tokens and takes the source's passages out of
 * the index at once. What each job does is {@link SourceWork}'s; what a restart finishes is
 * {@link SourceRecovery}'s. Listing and status read the records alone, which keep each source's counts.
 */
public final class SourceManager implements SourceAdmin, SourceCatalog, AutoCloseable {

    private final SourceRegistry registry;
    private final CopyStore copies;
    private final Ingester ingester;
    private final PassageIndex index;
    private final SourceBoard bundled;
    private final Clock clock;
    private final SourceIds ids;
    private final SourceRecovery recovery;
    private final SourceWork work;
    /** See {@link SourceWork}: a removal holds it while it cancels the source's jobs and marks the record. */
    private final Object recordWrites = new Object();
    private final JobQueue jobs;

    /**
     * @param bundled the statuses of the sources shipped with the bot, from the last full indexing pass
     */
    public SourceManager(SourceRegistry registry, CopyStore copies, Ingester ingester, PassageIndex index,
            Fetcher fetcher, int maxFeedEntries, SourceBoard bundled, Clock clock) {
        this(registry, copies, ingester, index, fetcher, maxFeedEntries, bundled, clock, Duration.ofMinutes(10));
    }

    /** @param maxJob how long one add, refresh or poll may run: then it stops and ends as failed */
    public SourceManager(SourceRegistry registry, CopyStore copies, Ingester ingester, PassageIndex index,
            Fetcher fetcher, int maxFeedEntries, SourceBoard bundled, Clock clock, Duration maxJob) {
        this.registry = registry;
        this.copies = copies;
        this.ingester = ingester;
        this.index = index;
        this.bundled = bundled;
        this.clock = clock;
        this.ids = new SourceIds(registry, bundled);
        this.recovery = new SourceRecovery(registry, copies, ingester, clock);
        this.work = new SourceWork(registry, copies, ingester, index, new Acquirer(fetcher, maxFeedEntries), clock,
                maxJob, recordWrites);
        this.jobs = new JobQueue(maxJob);
    }

    // ------------------------------------------------------------------ start-up

    /** Finishes what a crash cut short; see {@link SourceRecovery}. Call before a full indexing pass. */
    public void recover() {
        recover(Duration.ZERO);
    }

    /**
     * As {@link #recover()}, for processes that share their sources: an add begun less than {@code inFlight} ago
     * may still be running in another process, so it is left alone. Retries and re-fetches run in the background,
     * behind any moderator's job.
     */
    public void recover(Duration inFlight) {
        SourceRecovery.Plan plan = recovery.recover(inFlight);
        for (SourceRecord record : plan.refetches()) {
            jobs.submitInBackground(new Job(record.source().scope(), record.id(), activity(Kind.FETCHING_AGAIN,
                    record.title())), token -> work.refresh(record.id(), token, Progress.NONE));
        }
        for (SourceRecord record : plan.retries()) {
            URI url = url(record.source().kind()).orElseThrow();
            jobs.submitInBackground(new Job(record.source().scope(), record.id(), activity(Kind.ADDING_AGAIN, url.toString())),
                    token -> work.add(record.source().scope(), url, record.id(), record.attempt() + 1, token,
                            Progress.NONE));
        }
    }

    /** Sources a full indexing pass must leave as indexed; see {@link SourceRecovery#untouchable()}. */
    public Set<String> untouchable() {
        return recovery.untouchable();
    }

    /** Rebuilds the records that were found damaged and set aside; see {@link SourceRepair}. */
    public List<Repair> repair() {
        return new SourceRepair(registry, copies, index, ingester, clock).repair();
    }

    /** The sources added at run time that are ready to answer, for a full indexing pass. */
    public List<Source> registered() {
        return registry.all().stream().filter(r -> r.state() == SourceRecord.State.READY)
                .map(SourceRecord::source).toList();
    }

    /**
     * Keeps the records' counts in step after a full indexing pass, which may re-chunk every source. Matched from
     * the records' side: a bundled source's id is a file name, never a registry key.
     */
    public void indexed(List<SourceStatus> statuses) {
        Map<String, SourceStatus> byId = new HashMap<>();
        statuses.forEach(s -> byId.putIfAbsent(s.source().id(), s));
        for (SourceRecord record : registry.all()) {
            SourceStatus status = byId.get(record.id());
            if (status == null || record.state() != SourceRecord.State.READY
                    || status.source().kind() instanceof SourceKind.Bundled) {
                continue;
            }
            SourceRecord.Counts counts = new SourceRecord.Counts(status.articles(), status.passages());
            if (!record.indexed().equals(Optional.of(counts))) {
                registry.update(record.indexed(counts.articles(), counts.passages()));
            }
        }
    }

    // ------------------------------------------------------------------ operations

    @Override
    public CompletableFuture<SourceChange> add(Scope scope, URI url, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        if (WebAddress.parse(url.toString()).isEmpty()) {
            return refused(new Refusal.NotAWebAddress(url));
        }
        Optional<SourceRecord> duplicate = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && url(r.source().kind()).filter(url::equals).isPresent())
                .findFirst();
        if (duplicate.isPresent()) {
            return refused(new Refusal.AlreadyASource(url.toString(), duplicate.get().title(),
                    duplicate.get().id()));
        }
        String id = ids.next();
        return jobs.submit(new Job(scope, id, activity(Kind.ADDING, url.toString())), token -> work.add(scope, url, id, 1, token, progress));
    }

    @Override
    public CompletableFuture<SourceChange> upload(Scope scope, String fileName, URI location, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown")
                || lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".pdf"))) {
            return refused(new Refusal.NotAReadableFile(fileName));
        }
        String id = ids.next();
        return jobs.submit(new Job(scope, id, activity(Kind.READING, fileName)),
                token -> work.upload(scope, fileName, location, id, token, progress));
    }

    @Override
    public CompletableFuture<SourceChange> remove(Scope scope, String id) {
        if (!index.writable()) {
            return readOnly();
        }
        Optional<SourceRecord> record = find(scope, id);
        if (record.isEmpty()) {
            return refused(unknown(id));
        }
        SourceStatus before = work.status(record.get());
        synchronized (recordWrites) {
            jobs.cancel(id); // a job working on it stops before its next write
            registry.put(record.get().with(SourceRecord.State.REMOVING));
        }
        recovery.remove(id);
        return CompletableFuture.completedFuture(new SourceChange.Removed(before));
    }

    @Override
    public CompletableFuture<SourceChange> refresh(Scope scope, Optional<String> id, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        if (id.isPresent()) {
            Optional<SourceRecord> record = find(scope, id.get());
            if (record.isEmpty()) {
                return refused(unknown(id.get()));
            }
            return jobs.submit(new Job(scope, id.get(), activity(Kind.REFRESHING, record.get().title())),
                    token -> work.refresh(id.get(), token, progress));
        }
        List<SourceRecord> all = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && r.state() == SourceRecord.State.READY).toList();
        if (all.isEmpty()) {
            return refused(new Refusal.NothingToRefresh());
        }
        List<CompletableFuture<SourceChange>> each = new ArrayList<>();
        for (SourceRecord record : all) {
            each.add(jobs.submit(new Job(scope, record.id(), activity(Kind.REFRESHING, record.title())),
                    token -> work.refresh(record.id(), token, progress)));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            int failed = (int) each.stream().map(CompletableFuture::join).filter(c -> !c.done()).count();
            return new SourceChange.RefreshedAll(each.size(), failed);
        });
    }

    /** Polls every feed once, in the background: new entries are fetched and indexed. */
    public void pollFeeds() {
        for (SourceRecord record : registry.all()) {
            if (record.source().kind() instanceof SourceKind.Feed && record.state() == SourceRecord.State.READY
                    && !jobs.busyWith(record.id())) {
                jobs.submitInBackground(new Job(record.source().scope(), record.id(), activity(Kind.POLLING, record.title())),
                        token -> work.refresh(record.id(), token, Progress.NONE));
            }
        }
    }

    @Override
    public SourceJobs jobs(Scope scope) {
        List<SourceActivity> running = new ArrayList<>();
        List<SourceActivity> queued = new ArrayList<>();
        boolean first = true;
        for (Job job : jobs.pending()) {
            if (job.scope().equals(scope)) {
                (first ? running : queued).add(job.activity());
            }
            first = false;
        }
        List<SourceStatus> failed = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && r.problem().isPresent())
                .map(work::status).toList();
        return new SourceJobs(running, queued, failed);
    }

    @Override
    public List<SourceStatus> list(Set<Scope> scopes) {
        List<SourceStatus> all = new ArrayList<>(bundled.list(scopes));
        registry.all().stream().filter(r -> scopes.contains(r.source().scope()))
                .filter(r -> r.state() != SourceRecord.State.REMOVING)
                .forEach(r -> all.add(work.status(r)));
        return all;
    }

    /** Waits until every queued job has run: for one-shot commands that must not exit with work pending. */
    public void awaitIdle() {
        jobs.awaitIdle();
    }

    @Override
    public void close() {
        jobs.close();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * This process answers from an index another process writes: a change here would fetch for nothing and could
     * not be indexed, so it is refused before anything is fetched or recorded.
     */
    private static CompletableFuture<SourceChange> readOnly() {
        return refused(new Refusal.IndexReadOnly());
    }

    private static CompletableFuture<SourceChange> refused(Refusal refusal) {
        return CompletableFuture.completedFuture(new SourceChange.Refused(refusal));
    }

    private Optional<SourceRecord> find(Scope scope, String id) {
        // From the listing, not get(id): the id is what a member typed, never a file name to resolve.
        return registry.all().stream().filter(r -> r.id().equals(id) && r.source().scope().equals(scope))
                .filter(r -> r.state() != SourceRecord.State.REMOVING).findFirst();
    }

    /** The same answer whether the id is another server's or nobody's, so ids cannot be probed. */
    private Refusal unknown(String id) {
        boolean bundledId = bundled.list(Set.of(Scope.GLOBAL)).stream().anyMatch(s -> s.source().id().equals(id));
        return bundledId ? new Refusal.BundledSource(id) : new Refusal.UnknownSource(id);
    }

    static Optional<URI> url(SourceKind kind) {
        if (kind instanceof SourceKind.WebPage page) {
            return Optional.of(page.url());
        }
        if (kind instanceof SourceKind.Feed feed) {
            return Optional.of(feed.url());
        }
        return Optional.empty();
    }

    private static SourceActivity activity(Kind kind, String subject) {
        return new SourceActivity(kind, subject);
    }
}
