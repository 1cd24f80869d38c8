package footnote.ingest;

import footnote.corpus.SourceChange;
import footnote.corpus.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a restart finishes of the work a crash cut short: removals are completed; sources still being added are
 * undone and added again once (uploads whose copy was written are kept, since their file cannot be fetched again);
 * ready sources whose copies vanished are fetched again; copies no record owns are deleted. Runs before the index
 * is brought in step with the sources; the retries and re-fetches it plans run later, as background jobs.
 */
final class SourceRecovery {

    private static final Logger log = LoggerFactory.getLogger(SourceRecovery.class);

    /** Work to queue after recovery: adds to retry and sources to fetch again. */
    record Plan(List<SourceRecord> retries, List<SourceRecord> refetches) {
        Plan {
            retries = List.copyOf(retries);
            refetches = List.copyOf(refetches);
        }
    }

    private final SourceRegistry registry;
    private final CopyStore copies;
    private final Ingester ingester;
    private final Clock clock;

    SourceRecovery(SourceRegistry registry, CopyStore copies, Ingester ingester, Clock clock) {
        this.registry = registry;
        this.copies = copies;
        this.ingester = ingester;
        this.clock = clock;
    }

    /** @param inFlight an add begun less than this ago may still run in another process sharing the sources */
    Plan recover(Duration inFlight) {
        List<SourceRecord> retries = new ArrayList<>();
        Instant begunBefore = clock.instant().minus(inFlight);
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.REMOVING) {
                remove(record.id());
            } else if (record.state() == SourceRecord.State.ADDING && record.added().isAfter(begunBefore)) {
                log.info("Source {} is being added, perhaps by another process; leaving it", record.id());
            } else if (record.state() == SourceRecord.State.ADDING && undo(record)) {
                retries.add(record);
            }
        }
        List<SourceRecord> refetches = new ArrayList<>();
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.READY && copies.articleIds(record.id()).isEmpty()) {
                missingCopies(record).ifPresent(refetches::add);
            }
        }
        deleteOrphanCopies();
        return new Plan(retries, refetches);
    }

    /** Undoes an add cut short; whether to add it again. */
    private boolean undo(SourceRecord record) {
        boolean upload = record.source().kind() instanceof SourceKind.Upload;
        if (upload && !copies.articleIds(record.id()).isEmpty()) {
            registry.put(record.with(SourceRecord.State.READY)); // indexed by the pass that follows
            return false;
        }
        ingester.removeSource(record.id());
        copies.deleteAll(record.id());
        if (upload || record.attempt() > 1) {
            if (!upload) {
                log.warn("Source {} ({}) was cut short twice while being added; not trying again: add it again to"
                        + " retry", record.id(), record.title());
            }
            registry.delete(record.id());
            return false;
        }
        log.info("Source {} was being added when the bot stopped; adding it again", record.id());
        return true;
    }

    /**
     * A ready source whose copies folder is gone keeps its indexed passages; a page or feed is fetched again, and an
     * upload, which cannot be, says so in its status.
     */
    private Optional<SourceRecord> missingCopies(SourceRecord record) {
        if (record.source().kind() instanceof SourceKind.Upload) {
            log.warn("The copy of upload {} is missing; its passages answer on, but upload the file again to keep it",
                    record.id());
            registry.update(record.failed(new SourceChange.Problem.CopyMissing()));
            return Optional.empty();
        }
        log.warn("The copies of source {} are missing; fetching it again", record.id());
        return Optional.of(record);
    }

    private void deleteOrphanCopies() {
        Set<String> known = new HashSet<>();
        registry.all().forEach(r -> known.add(r.id()));
        known.addAll(registry.quarantined()); // their copies are what a repair restores them from
        for (String orphan : copies.sourceIds()) {
            if (!known.contains(orphan)) {
                copies.deleteAll(orphan);
            }
        }
    }

    /**
     * Sources whose indexed passages a full indexing pass must leave as they are: damaged records awaiting a
     * repair, and ready sources whose copies are missing (they answer on until a refresh fetches them again).
     */
    Set<String> untouchable() {
        Set<String> ids = new HashSet<>(registry.quarantined());
        for (SourceRecord record : registry.all()) {
            if (record.state() == SourceRecord.State.READY && copies.articleIds(record.id()).isEmpty()) {
                ids.add(record.id());
            }
        }
        return ids;
    }

    /** Finishes a removal: passages, copies, then the record, so a crash in between is finished at the next start. */
    void remove(String id) {
        ingester.removeSource(id);
        copies.deleteAll(id);
        registry.delete(id);
    }
}
