package footnote.ingest;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.search.IndexedArticle;
import java.util.Map;
import java.util.Optional;
import footnote.corpus.SourceCatalog;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** The status of every source as of the last indexing pass, for the source list. Thread-safe. */
public final class SourceBoard implements SourceCatalog {

    private final AtomicReference<List<SourceStatus>> statuses = new AtomicReference<>(List.of());

    public void update(SyncReport report) {
        update(report.statuses());
    }

    public void update(List<SourceStatus> sources) {
        statuses.set(List.copyOf(sources));
    }

    /**
     * Shows the sources as the index holds them, for a process that only reads the index: it cannot index, so it
     * reports what the writing process indexed.
     */
    public void showIndexed(List<Source> sources, Map<String, IndexedArticle> articles) {
        statuses.set(sources.stream().map(source -> {
            List<IndexedArticle> indexed = articles.values().stream()
                    .filter(a -> a.sourceId().equals(source.id())).toList();
            return new SourceStatus(source, indexed.isEmpty() ? source.id() : indexed.get(0).title(), indexed.size(),
                    indexed.stream().mapToInt(IndexedArticle::passages).sum(),
                    indexed.isEmpty() ? Optional.of(new SourceChange.Problem.NotIndexedYet())
                            : Optional.<SourceChange.Problem>empty());
        }).toList());
    }

    @Override
    public List<SourceStatus> list(Set<Scope> scopes) {
        return statuses.get().stream().filter(s -> scopes.contains(s.source().scope())).toList();
    }
}
