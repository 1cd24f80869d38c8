package footnote.ingest;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.corpus.WebAddress;
import footnote.search.PassageIndex;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the records the registry found damaged and set aside, from what their copies say (a page's address, an
 * upload's file name, the title) and the scope their passages carry in the index, and indexes them again. A feed
 * cannot be rebuilt: its own address is not in its entries' copies. An operator's command, run outside the job
 * queue: a quarantined source is listed nowhere, so no job or removal can be working on it.
 */
final class SourceRepair {

    private static final Logger log = LoggerFactory.getLogger(SourceRepair.class);

    private final SourceRegistry registry;
    private final CopyStore copies;
    private final PassageIndex index;
    private final Ingester ingester;
    private final Clock clock;

    SourceRepair(SourceRegistry registry, CopyStore copies, PassageIndex index, Ingester ingester, Clock clock) {
        this.registry = registry;
        this.copies = copies;
        this.index = index;
        this.ingester = ingester;
        this.clock = clock;
    }

    List<Repair> repair() {
        List<String> quarantined = registry.quarantined();
        if (quarantined.isEmpty()) {
            return List.of();
        }
        Map<String, Scope> scopes = new HashMap<>();
        index.articles().values().forEach(a -> scopes.putIfAbsent(a.sourceId(), a.scope()));
        List<Repair> done = new ArrayList<>();
        for (String id : quarantined) {
            done.add(repair(id, origins(id), Optional.ofNullable(scopes.get(id))));
        }
        return done;
    }

    private Repair repair(String id, List<CopyFile.Origin> origins, Optional<Scope> scope) {
        Optional<SourceKind> kind = kindFrom(origins);
        if (origins.isEmpty()) {
            return new Repair.Unrestorable(id, Repair.Why.NO_COPIES);
        }
        if (scope.isEmpty()) {
            return new Repair.Unrestorable(id, Repair.Why.SCOPE_UNKNOWN);
        }
        if (kind.isEmpty()) {
            return new Repair.Unrestorable(id, Repair.Why.FEED_ADDRESS_UNKNOWN);
        }
        String title = Optional.ofNullable(origins.get(0).title()).filter(t -> !t.isBlank()).orElse(id);
        SourceRecord record = new SourceRecord(new Source(id, kind.get(), scope.get()), title,
                SourceRecord.State.READY, clock.instant(), Optional.empty(), Optional.empty());
        SourceStatus indexed = ingester.syncSource(record.source(), Cancellation.NEVER).statuses().get(0);
        record = record.indexed(indexed.articles(), indexed.passages());
        registry.put(record);
        return new Repair.Restored(record);
    }

    private List<CopyFile.Origin> origins(String id) {
        List<CopyFile.Origin> origins = new ArrayList<>();
        for (String articleId : copies.articleIds(id)) {
            try {
                origins.add(CopyFile.origin(copies.read(id, articleId)));
            } catch (IOException e) {
                log.warn("Could not read the copy {}/{} while repairing", id, articleId);
            }
        }
        return origins;
    }

    /** An upload names its file; a page is one copy with its address and no feed entry id; a feed says neither. */
    private static Optional<SourceKind> kindFrom(List<CopyFile.Origin> origins) {
        Optional<String> file = origins.stream().map(CopyFile.Origin::file).filter(f -> f != null && !f.isBlank())
                .findFirst();
        if (file.isPresent()) {
            return Optional.of(new SourceKind.Upload(file.get()));
        }
        if (origins.size() == 1 && origins.get(0).guid() == null && origins.get(0).url() != null) {
            return WebAddress.parse(origins.get(0).url()).map(SourceKind.WebPage::new);
        }
        return Optional.empty();
    }
}
