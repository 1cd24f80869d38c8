package footnote.ingest;

import footnote.corpus.Progress;
import footnote.corpus.SourceActivity;
import footnote.corpus.SourceActivity.Kind;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceChange.Operation;
import footnote.corpus.SourceChange.Problem;
import footnote.corpus.SourceChange.Refusal;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceState;
import footnote.corpus.SourceStatus;
import footnote.fetch.Feed;
import footnote.fetch.FetchException;
import footnote.search.IndexedArticle;
import footnote.search.PassageIndex;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies of source jobs: adding a page or feed, reading an upload, refreshing. Each runs on the job queue's
 * thread with its job's {@link Cancellation}, and leaves a source whole or not at all: an add records its intent
 * first, marks the source ready only once its copies are indexed, and undoes everything when it fails or stops.
 * Copies are the truth for a source's articles: a refresh that fails keeps them, so a page that vanished keeps
 * answering.
 */
final class SourceWork {

    private static final Logger log = LoggerFactory.getLogger(SourceWork.class);

    private final SourceRegistry registry;
    private final CopyStore copies;
    private final Ingester ingester;
    private final PassageIndex index;
    private final Acquirer acquirer;
    private final FeedCopier feeds;
    private final Clock clock;
    private final Duration maxJob;
    /**
     * Held while a job checks its token and writes a copy or a record, and while a removal cancels the source's
     * jobs and marks it: so no job's write lands after a removal in this process.
     */
    private final Object recordWrites;

    SourceWork(SourceRegistry registry, CopyStore copies, Ingester ingester, PassageIndex index, Acquirer acquirer,
            Clock clock, Duration maxJob, Object recordWrites) {
        this.registry = registry;
        this.copies = copies;
        this.ingester = ingester;
        this.index = index;
        this.acquirer = acquirer;
        this.feeds = new FeedCopier(copies, acquirer, clock);
        this.clock = clock;
        this.maxJob = maxJob;
        this.recordWrites = recordWrites;
    }

    SourceChange add(Scope scope, URI url, String id, int attempt, JobQueue.Token token, Progress progress) {
        SourceRecord record = new SourceRecord(new Source(id, new SourceKind.WebPage(url), scope), url.getHost(),
                SourceRecord.State.ADDING, clock.instant(), Optional.empty(), Optional.empty(), attempt);
        intend(record, token); // so a crash from here on is undone and retried
        try {
            progress.report(new SourceActivity(Kind.FETCHING, url.toString()), 0, 0);
            Acquirer.Found found = acquirer.fetch(url);
            if (found instanceof Acquirer.Found.Entries entries) {
                Feed feed = entries.feed();
                record = record.with(new Source(id, new SourceKind.Feed(url), scope), title(feed.title(), url));
                put(record, token);
                SourceRecord feedRecord = record;
                int copied = feeds.copy(record, feed, (articleId, text) -> copy(feedRecord.id(), articleId, text, token),
                        token, progress);
                if (copied == 0) {
                    throw new Unusable(new Problem.NoEntries(url));
                }
            } else {
                Acquirer.Extracted page = ((Acquirer.Found.Page) found).article();
                record = record.with(record.source(), page.meta().title());
                put(record, token);
                copy(id, id, CopyFile.write(page.meta(), Optional.empty(), page.paragraphs(), clock.instant()), token);
            }
            return finishAdd(record, token, progress);
        } catch (FetchException | Unusable | RuntimeException e) {
            return undoAdd(record, token, e);
        }
    }

    SourceChange upload(Scope scope, String fileName, URI location, String id, JobQueue.Token token,
            Progress progress) {
        SourceRecord record = new SourceRecord(new Source(id, new SourceKind.Upload(fileName), scope), fileName,
                SourceRecord.State.ADDING, clock.instant(), Optional.empty(), Optional.empty());
        intend(record, token);
        try {
            progress.report(new SourceActivity(Kind.READING, fileName), 0, 0);
            Acquirer.Extracted upload = acquirer.upload(fileName, location);
            Optional<SourceRecord> same = sameUpload(scope, id, CopyFile.hash(upload.paragraphs()));
            if (same.isPresent()) {
                registry.delete(id);
                return new SourceChange.Refused(new Refusal.AlreadyASource(fileName, same.get().title(),
                        same.get().id()));
            }
            record = record.with(record.source(), upload.meta().title());
            put(record, token);
            copy(id, id, CopyFile.write(upload.meta(), Optional.empty(), upload.paragraphs(), clock.instant()), token);
            return finishAdd(record, token, progress);
        } catch (FetchException | RuntimeException e) {
            return undoAdd(record, token, e);
        }
    }

    private SourceChange finishAdd(SourceRecord record, JobQueue.Token token, Progress progress) {
        progress.report(new SourceActivity(Kind.INDEXING, record.title()), 0, 0);
        SourceStatus indexed = indexed(record, token);
        SourceRecord ready = record.with(SourceRecord.State.READY).fetched(clock.instant())
                .indexed(indexed.articles(), indexed.passages());
        put(ready, token);
        return new SourceChange.Added(status(ready));
    }

    /** Indexes the source's copies; what the index then holds of it. */
    private SourceStatus indexed(SourceRecord record, Cancellation token) {
        SyncReport report = ingester.syncSource(record.source(), token);
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException("indexing failed: " + report.failures().get(0).problem().orElseThrow());
        }
        return report.statuses().get(0);
    }

    private SourceChange undoAdd(SourceRecord record, JobQueue.Token token, Exception cause) {
        if (cause instanceof Cancelled cancelled && cancelled.why() == Cancelled.Why.REMOVED) {
            afterRemoval(record.id(), token);
            return new SourceChange.Stopped(Operation.ADDING, record.title());
        }
        Optional<Problem> limit = limitReached(cause);
        Problem problem = problem(cause, limit);
        if (limit.isPresent()) {
            log.warn("Adding source {} stopped at a limit: {}", record.id(), limit.get());
        } else if (problem instanceof Problem.OnOurSide) {
            log.error("Adding source {} failed", record.id(), cause);
        }
        if (!token.removedHere()) {
            ingester.removeSource(record.id());
            copies.deleteAll(record.id());
            registry.delete(record.id());
        }
        return new SourceChange.Failed(Operation.ADDING, record.title(), problem);
    }

    SourceChange refresh(String id, JobQueue.Token token, Progress progress) {
        if (token.removedHere()) { // before the job began
            return new SourceChange.Stopped(Operation.REFRESHING, id);
        }
        Optional<SourceRecord> current = registry.get(id).filter(r -> r.state() == SourceRecord.State.READY);
        if (current.isEmpty()) {
            return new SourceChange.Refused(new Refusal.SourceGone(id));
        }
        SourceRecord record = current.get();
        try {
            SourceKind kind = record.source().kind();
            if (kind instanceof SourceKind.Upload) {
                return new SourceChange.Unchanged(status(record));
            }
            int before = copies.articleIds(id).size();
            progress.report(new SourceActivity(Kind.FETCHING, record.title()), 0, 0);
            fetchAgain(record, kind, token, progress);
            SyncReport report = ingester.syncSource(record.source(), token);
            SourceStatus indexed = report.statuses().get(0);
            SourceRecord refreshed = record.fetched(clock.instant()).indexed(indexed.articles(), indexed.passages());
            put(refreshed, token);
            int added = copies.articleIds(id).size() - before;
            return new SourceChange.Refreshed(status(refreshed), added, report.updated());
        } catch (Cancelled e) {
            if (e.why() == Cancelled.Why.REMOVED) {
                afterRemoval(id, token);
                return new SourceChange.Stopped(Operation.REFRESHING, record.title());
            }
            return refreshFailed(record, token, e);
        } catch (FetchException | Unusable | RuntimeException e) {
            return refreshFailed(record, token, e);
        }
    }

    private void fetchAgain(SourceRecord record, SourceKind kind, JobQueue.Token token, Progress progress)
            throws FetchException, Unusable {
        if (kind instanceof SourceKind.Feed feedKind) {
            Acquirer.Found found = acquirer.fetch(feedKind.url());
            if (!(found instanceof Acquirer.Found.Entries entries)) {
                throw new Unusable(new Problem.NoLongerAFeed(feedKind.url()));
            }
            feeds.copy(record, entries.feed(), (articleId, text) -> copy(record.id(), articleId, text, token), token,
                    progress);
            return;
        }
        URI url = SourceManager.url(kind).orElseThrow();
        Acquirer.Found found = acquirer.fetch(url);
        if (!(found instanceof Acquirer.Found.Page page)) {
            throw new Unusable(new Problem.NowAFeed(url));
        }
        copy(record.id(), record.id(), CopyFile.write(page.article().meta(), Optional.empty(),
                page.article().paragraphs(), clock.instant()), token);
    }

    private SourceChange refreshFailed(SourceRecord record, JobQueue.Token token, Exception e) {
        String id = record.id();
        Problem problem = problem(e, limitReached(e));
        if (problem instanceof Problem.OnOurSide) {
            log.error("Refreshing source {} failed", id, e);
        }
        try {
            registry.get(id).ifPresent(r -> put(r.failed(problem), token));
        } catch (Cancelled removed) {
            afterRemoval(id, token);
            return new SourceChange.Stopped(Operation.REFRESHING, record.title());
        }
        return new SourceChange.Failed(Operation.REFRESHING, record.title(), problem);
    }

    // ------------------------------------------------------------------ guarded writes

    /** A new source's first record, written before anything else of it. */
    private void intend(SourceRecord record, JobQueue.Token token) {
        synchronized (recordWrites) {
            stopIfRemoved(token);
            registry.put(record);
        }
    }

    /** A job's record write, unless the source is being removed, here or in another process: then the job stops. */
    private void put(SourceRecord record, JobQueue.Token token) {
        synchronized (recordWrites) {
            stopIfRemoved(token);
            if (!registry.update(record)) {
                throw new Cancelled(Cancelled.Why.REMOVED);
            }
        }
    }

    private void copy(String sourceId, String articleId, String text, JobQueue.Token token) {
        synchronized (recordWrites) {
            stopIfRemoved(token);
            copies.write(sourceId, articleId, text);
        }
    }

    /** Only a removal stops a write: a job out of time still records why it failed. */
    private static void stopIfRemoved(JobQueue.Token token) {
        if (token.removedHere()) {
            throw new Cancelled(Cancelled.Why.REMOVED);
        }
    }

    /**
     * After a job stopped because its source was removed: a removal in this process cleaned up and let no write
     * land after it; one in another process sharing the sources may have come before this job's last copies and
     * passages, which are undone here.
     */
    private void afterRemoval(String id, JobQueue.Token token) {
        if (!token.removedHere()) {
            ingester.removeSource(id);
            copies.deleteAll(id);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Which limit made an add or refresh stop short; empty when it was no limit's doing. */
    private Optional<Problem> limitReached(Exception cause) {
        if (cause instanceof Ingester.TooLarge tooLarge) {
            return Optional.of(new Problem.TooManyPassages(tooLarge.limit()));
        }
        if (cause instanceof Cancelled cancelled && cancelled.why() == Cancelled.Why.TIME_UP) {
            return Optional.of(new Problem.TookTooLong(maxJob));
        }
        return Optional.empty();
    }

    /** A fetch problem passes through as fetch worded it; anything else that is no limit is the bot's fault. */
    private static Problem problem(Exception cause, Optional<Problem> limit) {
        if (cause instanceof FetchException) {
            return new Problem.Fetch(cause.getMessage());
        }
        if (cause instanceof Unusable unusable) {
            return unusable.problem;
        }
        return limit.orElseGet(Problem.OnOurSide::new);
    }

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
                } catch (IOException e) {
                    log.warn("Could not read the copy {}/{} to compare uploads", other.id(), articleId);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A source as the list shows it, from its record alone; a record written before records kept their counts
     * reads them from the index, for that source only.
     */
    SourceStatus status(SourceRecord record) {
        SourceRecord.Counts counts = record.indexed().orElseGet(() -> {
            Collection<IndexedArticle> articles = index.articles(record.id()).values();
            return new SourceRecord.Counts(articles.size(),
                    articles.stream().mapToInt(IndexedArticle::passages).sum());
        });
        return new SourceStatus(record.source(), record.title(), SourceState.valueOf(record.state().name()),
                record.lastFetched(), counts.articles(), counts.passages(), record.problem());
    }

    private static String title(String title, URI url) {
        return title == null || title.isBlank() ? url.getHost() : title;
    }

    /** What was fetched is no use as this source, for a reason of ours to word (not fetch's); see {@link Problem}. */
    private static final class Unusable extends Exception {

        private final transient Problem problem;

        Unusable(Problem problem) {
            super(problem.toString(), null, false, false); // control flow: no stack trace to fill
            this.problem = problem;
        }
    }
}
