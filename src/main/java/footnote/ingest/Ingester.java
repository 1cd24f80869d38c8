package footnote.ingest;

import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceStatus;
import footnote.search.Embedder;
import footnote.search.IndexedArticle;
import footnote.search.PassageIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in step with sources: an article whose text is unchanged (same fingerprint) is skipped, a
 * changed one has its passages replaced in one atomic step, and one whose source no longer has it is removed.
 * A source that cannot be read keeps what was indexed from it before. Safe to repeat, and to interrupt: commits
 * are atomic, and a commit every {@value #COMMIT_EVERY} articles keeps a long run's progress. Thread-safe.
 */
public final class Ingester {

    private static final Logger log = LoggerFactory.getLogger(Ingester.class);
    static final int COMMIT_EVERY = 100;

    private final PassageIndex index;
    private final Embedder embedder;
    private final SourceReader reader;
    private final int maxWords;
    private final int minWords;
    /** Index writes for sources, so a removal never interleaves with a write for the same source. */
    private final Object indexWrites = new Object();

    /** Passages embedded at a time: between batches a job checks whether it should stop. */
    private static final int EMBED_BATCH = 64;

    private final int maxPassages;

    /** @param maxWords, minWords passage sizes, as for {@link Chunker} */
    public Ingester(PassageIndex index, Embedder embedder, SourceReader reader, int maxWords, int minWords) {
        this(index, embedder, reader, maxWords, minWords, Integer.MAX_VALUE);
    }

    /** @param maxPassages the most passages {@link #syncSource} lets one source make */
    public Ingester(PassageIndex index, Embedder embedder, SourceReader reader, int maxWords, int minWords,
            int maxPassages) {
        this.index = index;
        this.embedder = embedder;
        this.reader = reader;
        this.maxWords = maxWords;
        this.minWords = minWords;
        this.maxPassages = maxPassages;
    }

    /** The source makes more passages than one source may. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        TooLarge(String sourceId, int limit) {
            super("source " + sourceId + " makes more than " + limit + " passages", null, false, false);
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /** What indexing did for one source. */
    private record Outcome(SourceStatus status, Set<String> kept, int added, int updated, int unchanged) {}

    /** Brings the whole index in step with exactly these sources: articles of any other source are removed. */
    public SyncReport sync(List<Source> sources, IngestProgress progress) {
        return sync(sources, Set.of(), progress);
    }

    /**
     * As {@link #sync(List, IngestProgress)}, except that the articles of the {@code untouched} sources stay as
     * they are indexed, listed or not: a source whose record or copies are damaged keeps answering until it is
     * repaired or fetched again, rather than being emptied by the pass.
     */
    public SyncReport sync(List<Source> sources, Set<String> untouched, IngestProgress progress) {
        long start = System.nanoTime();
        Chunker chunker = new Chunker(maxWords, minWords);
        Map<String, IndexedArticle> existing = index.articles();
        Set<String> keep = new HashSet<>();
        existing.values().stream().filter(a -> untouched.contains(a.sourceId()))
                .forEach(a -> keep.add(a.articleId()));
        List<SourceStatus> statuses = new ArrayList<>();
        int[] counts = new int[3];
        progress.started(sources.size());
        for (Source source : sources) {
            if (untouched.contains(source.id())) {
                progress.advanced(source.id());
                continue;
            }
            Outcome outcome = indexSource(source, existing, chunker, Cancellation.NEVER, Integer.MAX_VALUE);
            keep.addAll(outcome.kept());
            statuses.add(outcome.status());
            counts[0] += outcome.added();
            counts[1] += outcome.updated();
            counts[2] += outcome.unchanged();
            progress.advanced(source.id());
        }
        int removed = 0;
        for (String articleId : existing.keySet()) {
            if (!keep.contains(articleId)) {
                removeArticle(articleId);
                removed++;
            }
        }
        index.commit();
        progress.finished();
        return report(statuses, counts, removed, start);
    }

    /**
     * Brings one source's articles in step with what its files hold, and commits.
     *
     * @param cancellation asked before each batch of embedding and each write; what was written before a stop stays
     *                     for the job to undo
     * @throws Cancelled when the job must stop (its source is being removed, or its time is up)
     * @throws TooLarge when the source makes more passages than the limit; nothing more of it is written
     */
    public SyncReport syncSource(Source source, Cancellation cancellation) {
        long start = System.nanoTime();
        Map<String, IndexedArticle> existing = new HashMap<>(index.articles(source.id()));
        Outcome outcome = indexSource(source, existing, new Chunker(maxWords, minWords), cancellation, maxPassages);
        int removed = 0;
        for (String articleId : existing.keySet()) {
            if (!outcome.kept().contains(articleId)) {
                removeArticle(articleId);
                removed++;
            }
        }
        index.commit();
        return report(List.of(outcome.status()), new int[] {outcome.added(), outcome.updated(), outcome.unchanged()},
                removed, start);
    }

    /** Removes every article of a source from the index and commits: its passages stop answering at once. */
    public void removeSource(String sourceId) {
        synchronized (indexWrites) {
            index.articles(sourceId).keySet().forEach(index::removeArticle);
            index.commit();
        }
    }

    private Outcome indexSource(Source source, Map<String, IndexedArticle> existing, Chunker chunker,
            Cancellation cancellation, int limit) {
        try {
            List<Article> articles = reader.read(source);
            Set<String> kept = new HashSet<>();
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int passages = 0;
            int sinceCommit = 0;
            for (Article article : articles) {
                String fingerprint = fingerprint(article);
                kept.add(article.id());
                IndexedArticle previous = existing.get(article.id());
                if (previous != null && previous.fingerprint().equals(fingerprint)) {
                    unchanged++;
                    passages += previous.passages();
                    continue;
                }
                passages += put(article, fingerprint, chunker, cancellation, limit - passages);
                if (previous == null) {
                    added++;
                } else {
                    updated++;
                }
                if (++sinceCommit == COMMIT_EVERY) {
                    index.commit();
                    sinceCommit = 0;
                }
            }
            String title = articles.size() == 1 ? articles.get(0).metadata().title() : source.id();
            SourceStatus status = new SourceStatus(source, title, articles.size(), passages, Optional.empty());
            return new Outcome(status, kept, added, updated, unchanged);
        } catch (Cancelled | TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Could not index source {}: {}", source.id(), problem);
            // Whatever was indexed from it before stays, and stays searchable.
            List<IndexedArticle> kept = existing.values().stream()
                    .filter(a -> a.sourceId().equals(source.id())).toList();
            SourceStatus status = new SourceStatus(source, kept.isEmpty() ? source.id() : kept.get(0).title(),
                    kept.size(), kept.stream().mapToInt(IndexedArticle::passages).sum(),
                    Optional.of(new SourceChange.Problem.Fetch(problem)));
            return new Outcome(status, kept.stream().map(IndexedArticle::articleId).collect(Collectors.toSet()),
                    0, 0, 0);
        }
    }

    private int put(Article article, String fingerprint, Chunker chunker, Cancellation cancellation, int room) {
        List<Passage> passages = chunker.chunk(article);
        if (passages.size() > room) {
            throw new TooLarge(article.sourceId(), maxPassages);
        }
        // The title goes into each passage's embedding: a passage often leaves its subject to the headline.
        List<String> texts = passages.stream().map(p -> article.metadata().title() + "\n" + p.text()).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
            cancellation.check();
            vectors.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH))));
        }
        synchronized (indexWrites) {
            cancellation.check(); // under the lock: a removal's removeSource cannot come between check and write
            index.putArticle(new IndexedArticle(article.id(), article.sourceId(), article.scope(),
                    article.metadata().title(), fingerprint, passages.size()), passages, vectors);
        }
        log.info("Indexed {}: {} passages", article.id(), passages.size());
        return passages.size();
    }

    private void removeArticle(String articleId) {
        synchronized (indexWrites) {
            index.removeArticle(articleId);
        }
    }

    private static SyncReport report(List<SourceStatus> statuses, int[] counts, int removed, long start) {
        int passages = statuses.stream().mapToInt(SourceStatus::passages).sum();
        return new SyncReport(counts[0], counts[1], counts[2], removed, passages, statuses,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Changes whenever anything that ends up in the index changes: the metadata or the body. */
    static String fingerprint(Article article) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(article.metadata().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(article.body().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
