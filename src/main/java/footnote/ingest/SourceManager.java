package footnote.ingest;

import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceAdmin;
import footnote.corpus.SourceCatalog;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.corpus.WebAddress;
import footnote.fetch.Feed;
import footnote.fetch.FeedEntry;
import footnote.fetch.FetchException;
import footnote.ingest.JobQueue.Job;
import footnote.search.IndexedArticle;
import footnote.search.PassageIndex;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of run-time sources: adding pages and feeds, uploads, refreshes, feed polls and removals, per scope.
 *
 * <p>Work runs on one background thread, a job at a time, so the index has one writer and jobs queue in order;
 * questions keep being answered meanwhile, and each finished job is visible to the next question. Removal does not
 * queue: it takes the source's passages out of the index at once, and a job still working on that source stops.
 *
 * <p>Nothing is lost, and a crash leaves nothing half done. Adding a source first records it as ADDING, then
 * writes its copies, indexes them and only then marks it READY; {@link #recover()} undoes a source still ADDING
 * after a restart and queues the add again, once, behind any moderator's job. Copies are the truth for a source's articles: a refresh that fails
 * keeps them, so a page that vanished keeps answering.
 */
public final class SourceManager implements SourceAdmin, SourceCatalog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceManager.class);
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int ID_LENGTH = 6;

    private final SourceRegistry registry;
    private final CopyStore copies;
    private final Ingester ingester;
    private final PassageIndex index;
    private final Acquirer acquirer;
    private final SourceBoard bundled;
    private final Clock clock;
    private final Duration maxJob;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> removing = ConcurrentHashMap.newKeySet();
    /** Held while a job writes a copy or a record, and while a removal starts: no write lands after a removal. */
    private final Object writes = new Object();
    /** Once a job ends, nothing of its source is left to stop: a removal meanwhile has cleaned up. */
    private final JobQueue jobs = new JobQueue(job -> removing.remove(job.sourceId()));

    /**
     * @param bundled the statuses of the sources shipped with the bot, from the last full indexing pass
     */
    public SourceManager(SourceRegistry registry, CopyStore copies, Ingester ingester, PassageIndex index,
            footnote.fetch.Fetcher fetcher, int maxFeedEntries, SourceBoard bundled, Clock clock) {
        this(registry, copies, ingester, index, fetcher, maxFeedEntries, bundled, clock, Duration.ofMinutes(10));
    }

    /** @param maxJob how long one add, refresh or poll may run: then it stops and ends as failed */
    public SourceManager(SourceRegistry registry, CopyStore copies, Ingester ingester, PassageIndex index,
            footnote.fetch.Fetcher fetcher, int maxFeedEntries, SourceBoard bundled, Clock clock, Duration maxJob) {
        this.maxJob = maxJob;
        this.registry = registry;
        this.copies = copies;
        this.ingester = ingester;
        this.index = index;
        this.acquirer = new Acquirer(fetcher, maxFeedEntries);
        this.bundled = bundled;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ start-up

    /**
     * Finishes what a crash cut short: removals are completed; sources still being added are undone and queued
     * again (uploads whose copy was written are kept, since their file cannot be fetched again); copies no record
     * owns are deleted. Call before the index is brought in step with the sources.
     */
    public void recover() {
        recover(Duration.ZERO);
    }

    /**
     * As {@link #recover()}, for processes that share their sources: an add begun less than {@code inFlight} ago
     * may still be running in another process, so it is left alone.
     */
    public void recover(Duration inFlight) {
        List<SourceRecord> retry = new ArrayList<>();
        Instant begunBefore = clock.instant().minus(inFlight);
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.REMOVING) {
                finishRemoval(record.id());
            } else if (record.state() == SourceRecord.State.ADDING && record.added().isAfter(begunBefore)) {
                log.info("Source {} is being added, perhaps by another process; leaving it", record.id());
            } else if (record.state() == SourceRecord.State.ADDING) {
                if (record.source().kind() instanceof SourceKind.Upload && !copies.articleIds(record.id()).isEmpty()) {
                    registry.put(record.with(SourceRecord.State.READY));
                } else {
                    ingester.removeSource(record.id());
                    copies.deleteAll(record.id());
                    if (record.source().kind() instanceof SourceKind.Upload || record.attempt() > 1) {
                        if (record.attempt() > 1) {
                            log.warn("Source {} ({}) was cut short twice while being added; not trying again:"
                                    + " add it again to retry", record.id(), record.title());
                        }
                        registry.delete(record.id());
                    } else {
                        log.info("Source {} was being added when the bot stopped; adding it again", record.id());
                        retry.add(record);
                    }
                }
            }
        }
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.READY && copies.articleIds(record.id()).isEmpty()) {
                missingCopies(record);
            }
        }
        Set<String> known = new HashSet<>();
        registry.all().forEach(r -> known.add(r.id()));
        known.addAll(registry.quarantined()); // their copies are what a repair restores them from
        for (String orphan : copies.sourceIds()) {
            if (!known.contains(orphan)) {
                copies.deleteAll(orphan);
            }
        }
        for (SourceRecord record : retry) { // in the background: a moderator's command goes first
            URI url = url(record.source().kind()).orElseThrow();
            jobs.submitInBackground(new Job(record.source().scope(), record.id(), "Adding " + url + " again"),
                    () -> addNow(record.source().scope(), url, record.id(), record.attempt() + 1, Progress.NONE));
        }
    }

    /**
     * A ready source whose copies folder is gone keeps its indexed passages; a page or feed is fetched again, and an
     * upload, which cannot be, says so in its status.
     */
    private void missingCopies(SourceRecord record) {
        if (record.source().kind() instanceof SourceKind.Upload) {
            log.warn("The copy of upload {} is missing; its passages answer on, but upload the file again to keep it",
                    record.id());
            put(record.failed("its copy is missing from the index folder; upload the file again to keep it"));
            return;
        }
        log.warn("The copies of source {} are missing; fetching it again", record.id());
        jobs.submitInBackground(new Job(record.source().scope(), record.id(), "Fetching " + record.title() + " again"),
                () -> refreshNow(record.id(), Progress.NONE));
    }

    /**
     * Sources whose indexed passages a full indexing pass must leave as they are: damaged records awaiting a
     * repair, and ready sources whose copies are missing (they answer on until a refresh fetches them again).
     */
    public Set<String> untouchable() {
        Set<String> ids = new HashSet<>(registry.quarantined());
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.READY && copies.articleIds(record.id()).isEmpty()) {
                ids.add(record.id());
            }
        }
        return ids;
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

    // ------------------------------------------------------------------ operations

    @Override
    public CompletableFuture<SourceChange> add(Scope scope, URI url, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        if (WebAddress.parse(url.toString()).isEmpty()) {
            return CompletableFuture.completedFuture(SourceChange.failed(
                    url + " is not a web address; give an http or https URL."));
        }
        Optional<SourceRecord> duplicate = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && url(r.source().kind()).filter(url::equals).isPresent())
                .findFirst();
        if (duplicate.isPresent()) {
            return CompletableFuture.completedFuture(SourceChange.failed(
                    url + " is already a source here: " + duplicate.get().title() + " (id " + duplicate.get().id() + ")."));
        }
        String id = newId();
        return submit(new Job(scope, id, "Adding " + url), () -> addNow(scope, url, id, 1, progress));
    }

    @Override
    public CompletableFuture<SourceChange> upload(Scope scope, String fileName, URI location, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown")
                || lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".pdf"))) {
            return CompletableFuture.completedFuture(SourceChange.failed(
                    fileName + " is not a file Footnote reads: upload .txt, .md, .html or .pdf files."));
        }
        String id = newId();
        return submit(new Job(scope, id, "Reading " + fileName), () -> uploadNow(scope, fileName, location, id, progress));
    }

    @Override
    public CompletableFuture<SourceChange> remove(Scope scope, String id) {
        if (!index.writable()) {
            return readOnly();
        }
        Optional<SourceRecord> record = find(scope, id);
        if (record.isEmpty()) {
            return CompletableFuture.completedFuture(SourceChange.failed(unknown(scope, id)));
        }
        SourceStatus before = status(record.get(), passagesBySource());
        synchronized (writes) {
            removing.add(id); // a job working on it stops before its next write
            registry.put(record.get().with(SourceRecord.State.REMOVING));
        }
        finishRemoval(id);
        synchronized (jobs) {
            if (!jobs.busyWith(id)) {
                removing.remove(id);
            }
        }
        return CompletableFuture.completedFuture(SourceChange.done("Removed " + record.get().title() + " (id " + id
                + "): its " + before.passages() + " passages no longer answer questions.", before));
    }

    @Override
    public CompletableFuture<SourceChange> refresh(Scope scope, Optional<String> id, Progress progress) {
        if (!index.writable()) {
            return readOnly();
        }
        if (id.isPresent()) {
            Optional<SourceRecord> record = find(scope, id.get());
            if (record.isEmpty()) {
                return CompletableFuture.completedFuture(SourceChange.failed(unknown(scope, id.get())));
            }
            return submit(new Job(scope, id.get(), "Refreshing " + record.get().title()),
                    () -> refreshNow(id.get(), progress));
        }
        List<SourceRecord> all = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && r.state() == SourceRecord.State.READY).toList();
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(SourceChange.failed("There are no added sources to refresh here."));
        }
        List<CompletableFuture<SourceChange>> each = new ArrayList<>();
        for (SourceRecord record : all) {
            each.add(submit(new Job(scope, record.id(), "Refreshing " + record.title()),
                    () -> refreshNow(record.id(), progress)));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            long failed = each.stream().map(CompletableFuture::join).filter(c -> !c.done()).count();
            return new SourceChange(failed == 0, "Refreshed " + each.size() + " sources"
                    + (failed == 0 ? "." : "; " + failed + " failed (see /sources status)."), Optional.empty());
        });
    }

    /** Polls every feed once, in the background: new entries are fetched and indexed. */
    public void pollFeeds() {
        for (SourceRecord record : registry.all()) {
            if (record.source().kind() instanceof SourceKind.Feed && record.state() == SourceRecord.State.READY
                    && !jobs.busyWith(record.id())) {
                jobs.submitInBackground(new Job(record.source().scope(), record.id(), "Polling " + record.title()),
                        () -> refreshNow(record.id(), Progress.NONE));
            }
        }
    }

    @Override
    public SourceJobs jobs(Scope scope) {
        List<String> running = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        boolean first = true;
        for (Job job : jobs.pending()) {
            if (job.scope().equals(scope)) {
                (first ? running : queued).add(job.description());
            }
            first = false;
        }
        Map<String, int[]> counts = passagesBySource();
        List<SourceStatus> failed = registry.all().stream()
                .filter(r -> r.source().scope().equals(scope) && r.problem().isPresent())
                .map(r -> status(r, counts)).toList();
        return new SourceJobs(running, queued, failed);
    }

    @Override
    public List<SourceStatus> list(Set<Scope> scopes) {
        List<SourceStatus> all = new ArrayList<>(bundled.list(scopes));
        Map<String, int[]> counts = passagesBySource();
        registry.all().stream().filter(r -> scopes.contains(r.source().scope()))
                .filter(r -> r.state() != SourceRecord.State.REMOVING)
                .forEach(r -> all.add(status(r, counts)));
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

    // ------------------------------------------------------------------ jobs

    private SourceChange addNow(Scope scope, URI url, String id, int attempt, Progress progress) {
        SourceRecord record = new SourceRecord(new Source(id, new SourceKind.WebPage(url), scope), url.getHost(),
                SourceRecord.State.ADDING, clock.instant(), Optional.empty(), Optional.empty(), attempt);
        intend(record); // so a crash from here on is undone and retried
        try {
            progress.report("Fetching " + url, 0, 0);
            Acquirer.Found found = acquirer.fetch(url);
            if (found instanceof Acquirer.Found.Entries entries) {
                Feed feed = entries.feed();
                record = record.with(new Source(id, new SourceKind.Feed(url), scope), title(feed.title(), url));
                put(record);
                int copied = copyEntries(record, feed, progress);
                if (copied == 0) {
                    throw new FetchException("The feed " + url + " has no entries Footnote could read.");
                }
            } else {
                Acquirer.Extracted page = ((Acquirer.Found.Page) found).article();
                record = record.with(record.source(), page.meta().title());
                put(record);
                copy(id, id, CopyFile.write(page.meta(), Optional.empty(), page.paragraphs(), clock.instant()));
            }
            return finishAdd(record, progress);
        } catch (FetchException | RuntimeException e) {
            return undoAdd(record, e);
        }
    }

    private SourceChange uploadNow(Scope scope, String fileName, URI location, String id, Progress progress) {
        SourceRecord record = new SourceRecord(new Source(id, new SourceKind.Upload(fileName), scope), fileName,
                SourceRecord.State.ADDING, clock.instant(), Optional.empty(), Optional.empty());
        intend(record);
        try {
            progress.report("Reading " + fileName, 0, 0);
            Acquirer.Extracted upload = acquirer.upload(fileName, location);
            Optional<SourceRecord> same = sameUpload(scope, id, CopyFile.hash(upload.paragraphs()));
            if (same.isPresent()) {
                registry.delete(id);
                return SourceChange.failed(fileName + " is already a source here: " + same.get().title() + " (id "
                        + same.get().id() + ").");
            }
            record = record.with(record.source(), upload.meta().title());
            put(record);
            copy(id, id, CopyFile.write(upload.meta(), Optional.empty(), upload.paragraphs(), clock.instant()));
            return finishAdd(record, progress);
        } catch (FetchException | RuntimeException e) {
            return undoAdd(record, e);
        }
    }

    private SourceChange finishAdd(SourceRecord record, Progress progress) {
        progress.report("Indexing " + record.title(), 0, 0);
        SyncReport report = ingester.syncSource(record.source(), wanted(record.id()));
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException(report.failures().get(0).problem().orElse("indexing failed"));
        }
        SourceRecord ready = record.with(SourceRecord.State.READY).fetched(clock.instant());
        put(ready);
        SourceStatus status = status(ready, passagesBySource());
        return SourceChange.done("Added " + status.source().kind().label() + " " + ready.title() + " (id "
                + ready.id() + "): " + count(status.articles(), "article") + ", " + count(status.passages(), "passage")
                + ".", status);
    }

    private SourceChange undoAdd(SourceRecord record, Exception cause) {
        if (cause instanceof Removed || cause instanceof Ingester.Stopped && removing.contains(record.id())) {
            afterRemoval(record.id());
            return SourceChange.failed("Adding " + record.title() + " stopped: the source was removed meanwhile.");
        }
        Optional<String> limit = limitReached(cause, record.title());
        if (limit.isPresent()) {
            log.warn("Adding source {} stopped at a limit: {}", record.id(), limit.get());
            ingester.removeSource(record.id());
            copies.deleteAll(record.id());
            registry.delete(record.id());
            return SourceChange.failed(limit.get());
        }
        if (!(cause instanceof FetchException)) {
            log.error("Adding source {} failed", record.id(), cause);
        }
        if (!removing.contains(record.id())) {
            ingester.removeSource(record.id());
            copies.deleteAll(record.id());
            registry.delete(record.id());
        }
        return SourceChange.failed(cause instanceof FetchException ? cause.getMessage()
                : "Adding " + record.title() + " failed on my side; the details are in the bot's log.");
    }

    /** Copies the feed's entries that are not copies yet, each at most once whatever its GUID, link or text. */
    private int copyEntries(SourceRecord record, Feed feed, Progress progress) {
        String id = record.id();
        Set<String> seen = new HashSet<>();
        int next = 0;
        for (String articleId : copies.articleIds(id)) {
            try {
                CopyFile.Keys keys = CopyFile.keys(copies.read(id, articleId));
                addKeys(seen, Optional.ofNullable(keys.guid()), Optional.ofNullable(keys.url()), Optional.ofNullable(keys.hash()));
            } catch (java.io.IOException e) {
                log.warn("Cannot read copy {} of {}: {}", articleId, id, e.getMessage());
            }
            next = Math.max(next, number(articleId) + 1);
        }
        int copied = 0;
        int done = 0;
        List<FeedEntry> entries = feed.entries();
        for (FeedEntry entry : entries) {
            progress.report("Fetching the entries of " + record.title(), done++, entries.size());
            if (removing.contains(id) || jobs.overdue(maxJob)) {
                break; // indexing what was copied then stops the job with the reason
            }
            if (seen.contains("guid:" + entry.guid().orElse("\u0000"))
                    || seen.contains("url:" + entry.link().map(URI::toString).orElse("\u0000"))) {
                continue;
            }
            try {
                Acquirer.Extracted article = acquirer.entry(entry, feed);
                String hash = CopyFile.hash(article.paragraphs());
                if (seen.contains("hash:" + hash) || article.meta().url().map(u -> seen.contains("url:" + u)).orElse(false)) {
                    continue;
                }
                addKeys(seen, entry.guid(), article.meta().url(), Optional.of(hash));
                entry.link().ifPresent(l -> seen.add("url:" + l));
                copy(id, id + "-" + next++, CopyFile.write(article.meta(), entry.guid(), article.paragraphs(),
                        clock.instant()));
                copied++;
            } catch (FetchException e) {
                log.info("Skipped entry \"{}\" of feed {}: {}", entry.title(), id, e.getMessage());
            }
        }
        progress.report("Fetched the entries of " + record.title(), entries.size(), entries.size());
        return copied;
    }

    private SourceChange refreshNow(String id, Progress progress) {
        Optional<SourceRecord> current = registry.get(id).filter(r -> r.state() == SourceRecord.State.READY);
        if (current.isEmpty()) {
            return SourceChange.failed("Source " + id + " is gone.");
        }
        SourceRecord record = current.get();
        try {
            SourceKind kind = record.source().kind();
            if (kind instanceof SourceKind.Upload) {
                return SourceChange.done("Uploaded files do not change; " + record.title() + " is as it was.",
                        status(record, passagesBySource()));
            }
            int before = copies.articleIds(id).size();
            progress.report("Fetching " + record.title(), 0, 0);
            if (kind instanceof SourceKind.Feed feedKind) {
                Acquirer.Found found = acquirer.fetch(feedKind.url());
                if (!(found instanceof Acquirer.Found.Entries entries)) {
                    throw new FetchException(feedKind.url() + " no longer serves a feed.");
                }
                copyEntries(record, entries.feed(), progress);
            } else {
                URI url = url(kind).orElseThrow();
                Acquirer.Found found = acquirer.fetch(url);
                if (!(found instanceof Acquirer.Found.Page page)) {
                    throw new FetchException(url + " serves a feed now; remove it and add it again as a feed.");
                }
                copy(id, id, CopyFile.write(page.article().meta(), Optional.empty(), page.article().paragraphs(),
                        clock.instant()));
            }
            SyncReport report = ingester.syncSource(record.source(), wanted(id));
            SourceRecord refreshed = record.fetched(clock.instant());
            put(refreshed);
            int added = copies.articleIds(id).size() - before;
            List<String> news = new ArrayList<>();
            if (added > 0) {
                news.add(added + " new");
            }
            if (report.updated() > 0) {
                news.add(report.updated() + " changed");
            }
            return SourceChange.done("Refreshed " + record.title() + ": "
                    + (news.isEmpty() ? "nothing new" : String.join(", ", news)) + ".",
                    status(refreshed, passagesBySource()));
        } catch (Removed e) {
            afterRemoval(id);
            return SourceChange.failed("Refreshing " + record.title() + " stopped: the source was removed meanwhile.");
        } catch (FetchException | RuntimeException e) {
            if (e instanceof Ingester.Stopped && removing.contains(id)) {
                return SourceChange.failed("Refreshing " + record.title() + " stopped: the source was removed.");
            }
            Optional<String> limit = limitReached(e, record.title());
            if (!(e instanceof FetchException) && limit.isEmpty()) {
                log.error("Refreshing source {} failed", id, e);
            }
            String why = e instanceof FetchException ? e.getMessage()
                    : limit.orElse("it failed on my side (see the bot's log)");
            try {
                registry.get(id).ifPresent(r -> put(r.failed(why)));
            } catch (Removed removed) {
                afterRemoval(id);
                return SourceChange.failed("Refreshing " + record.title() + " stopped: the source was removed.");
            }
            return SourceChange.failed("Could not refresh " + record.title() + ": " + why
                    + " The text fetched before keeps answering.");
        }
    }

    /** A new source's first record, written before anything else of it. */
    private void intend(SourceRecord record) {
        synchronized (writes) {
            stopIfRemoved(record.id());
            registry.put(record);
        }
    }

    /** A job's record write, unless the source is being removed, here or in another process: then the job stops. */
    private void put(SourceRecord record) {
        synchronized (writes) {
            stopIfRemoved(record.id());
            if (!registry.update(record)) {
                throw new Removed(record.id());
            }
        }
    }

    /**
     * After a job stopped because its source was removed: a removal in this process cleaned up and let no write
     * land after it; one in another process sharing the sources may have come before this job's last copies and
     * passages, which are undone here.
     */
    private void afterRemoval(String id) {
        if (!removing.contains(id)) {
            ingester.removeSource(id);
            copies.deleteAll(id);
        }
    }

    private void copy(String sourceId, String articleId, String text) {
        synchronized (writes) {
            stopIfRemoved(sourceId);
            copies.write(sourceId, articleId, text);
        }
    }

    /**
     * This process answers from an index another process writes: a change here would fetch for nothing and could
     * not be indexed, so it is refused before anything is fetched or recorded.
     */
    private static CompletableFuture<SourceChange> readOnly() {
        return CompletableFuture.completedFuture(SourceChange.failed("Another Footnote process is writing to this"
                + " index; run source commands there."));
    }

    /** Whether the running job on source {@code id} should go on: not once it is removed or its time is up. */
    private java.util.function.BooleanSupplier wanted(String id) {
        return () -> !removing.contains(id) && !jobs.overdue(maxJob);
    }

    /** Why an add or refresh stopped short, in words; empty when it was no limit's doing. */
    private Optional<String> limitReached(Exception cause, String title) {
        if (cause instanceof Ingester.TooLarge tooLarge) {
            return Optional.of(title + " makes more than " + tooLarge.limit() + " passages, the most one source may"
                    + " make (sources.maxPassages).");
        }
        if (cause instanceof Ingester.Stopped && jobs.overdue(maxJob)) {
            String limit = maxJob.toMinutes() >= 1 ? maxJob.toMinutes() + " minutes" : maxJob.toSeconds() + " seconds";
            return Optional.of(title + " took longer than " + limit + ", the most one source job may take"
                    + " (sources.maxJobMinutes).");
        }
        return Optional.empty();
    }

    private void stopIfRemoved(String id) {
        if (removing.contains(id)) {
            throw new Removed(id);
        }
    }

    /** A job's source was removed while it worked; the removal cleans up. */
    private static final class Removed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Removed(String id) {
            super("source " + id + " was removed", null, false, false);
        }
    }

    private void finishRemoval(String id) {
        ingester.removeSource(id);
        copies.deleteAll(id);
        registry.delete(id);
    }

    private CompletableFuture<SourceChange> submit(Job job, Supplier<SourceChange> work) {
        return jobs.submit(job, work);
    }

    // ------------------------------------------------------------------ helpers

    /** Another upload in the scope whose text is this one's, whatever its file name. */
    private Optional<SourceRecord> sameUpload(Scope scope, String id, String hash) {
        for (SourceRecord other : registry.all()) {
            if (other.id().equals(id) || !other.source().scope().equals(scope)
                    || !(other.source().kind() instanceof SourceKind.Upload)) {
                continue;
            }
            for (String articleId : copies.articleIds(other.id())) {
                try {
                    if (hash.equals(CopyFile.keys(copies.read(other.id(), articleId)).hash())) {
                        return Optional.of(other);
                    }
                } catch (java.io.IOException e) {
                    log.warn("Could not read the copy {}/{} to compare uploads", other.id(), articleId);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<SourceRecord> find(Scope scope, String id) {
        return registry.all().stream().filter(r -> r.id().equals(id) && r.source().scope().equals(scope))
                .filter(r -> r.state() != SourceRecord.State.REMOVING).findFirst();
    }

    /** The same answer whether the id is another server's or nobody's, so ids cannot be probed. */
    private String unknown(Scope scope, String id) {
        boolean bundledId = bundled.list(Set.of(Scope.GLOBAL)).stream().anyMatch(s -> s.source().id().equals(id));
        return bundledId ? id + " is a file shipped with the bot; it cannot be removed or refreshed from chat."
                : "There is no source " + id + " here; /sources list shows the ids.";
    }

    private static Optional<URI> url(SourceKind kind) {
        if (kind instanceof SourceKind.WebPage page) {
            return Optional.of(page.url());
        }
        if (kind instanceof SourceKind.Feed feed) {
            return Optional.of(feed.url());
        }
        return Optional.empty();
    }

    private static String title(String title, URI url) {
        return title == null || title.isBlank() ? url.getHost() : title;
    }

    private String newId() {
        Set<String> taken = new HashSet<>();
        registry.all().forEach(r -> taken.add(r.id()));
        bundled.list(Set.of(Scope.GLOBAL)).forEach(s -> taken.add(s.source().id()));
        while (true) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < ID_LENGTH; i++) {
                id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
            if (taken.add(id.toString())) {
                return id.toString();
            }
        }
    }

    private Map<String, int[]> passagesBySource() {
        Map<String, int[]> counts = new HashMap<>();
        Collection<IndexedArticle> articles = index.articles().values();
        for (IndexedArticle article : articles) {
            int[] c = counts.computeIfAbsent(article.sourceId(), s -> new int[2]);
            c[0]++;
            c[1] += article.passages();
        }
        return counts;
    }

    private static SourceStatus status(SourceRecord record, Map<String, int[]> counts) {
        int[] c = counts.getOrDefault(record.id(), new int[2]);
        String state = record.state().name().toLowerCase(Locale.ROOT);
        return new SourceStatus(record.source(), record.title(), state, record.lastFetched(), c[0], c[1],
                record.problem());
    }

    private static int number(String articleId) {
        int dash = articleId.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Integer.parseInt(articleId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void addKeys(Set<String> seen, Optional<String> guid, Optional<String> url, Optional<String> hash) {
        guid.ifPresent(g -> seen.add("guid:" + g));
        url.ifPresent(u -> seen.add("url:" + u));
        hash.ifPresent(h -> seen.add("hash:" + h));
    }
}
