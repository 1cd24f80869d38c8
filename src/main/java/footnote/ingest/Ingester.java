package footnote.ingest;

import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.Source;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in step with a list of sources: an article whose text is unchanged (same fingerprint) is
 * skipped, a changed one has its passages replaced in one atomic step, and one whose source is gone is removed.
 * A source that cannot be read keeps what was indexed from it before. Safe to repeat, and to interrupt: commits
 * are atomic, and a commit every {@value #COMMIT_EVERY} articles keeps a long run's progress.
 */
public final class Ingester {

    private static final Logger log = LoggerFactory.getLogger(Ingester.class);
    static final int COMMIT_EVERY = 100;

    private final PassageIndex index;
    private final Embedder embedder;
    private final ArticleFiles files = new ArticleFiles();
    private final int maxWords;
    private final int minWords;

    /** @param maxWords, minWords passage sizes, as for {@link Chunker} */
    public Ingester(PassageIndex index, Embedder embedder, int maxWords, int minWords) {
        this.index = index;
        this.embedder = embedder;
        this.maxWords = maxWords;
        this.minWords = minWords;
    }

    public SyncReport sync(List<Source> sources, IngestProgress progress) {
        long start = System.nanoTime();
        Chunker chunker = new Chunker(maxWords, minWords);
        Map<String, IndexedArticle> existing = index.articles();
        Set<String> keep = new HashSet<>();
        List<SourceStatus> statuses = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int sinceCommit = 0;
        progress.started(sources.size());
        for (Source source : sources) {
            try {
                Article article = files.read(source);
                String fingerprint = fingerprint(article);
                keep.add(article.id());
                IndexedArticle previous = existing.get(article.id());
                int passages;
                if (previous != null && previous.fingerprint().equals(fingerprint)) {
                    unchanged++;
                    passages = previous.passages();
                } else {
                    passages = put(article, fingerprint, chunker);
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
                statuses.add(new SourceStatus(source, article.metadata().title(), 1, passages, Optional.empty()));
            } catch (IOException | RuntimeException e) {
                String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Could not index source {}: {}", source.id(), problem);
                // Whatever was indexed from it before stays, and stays searchable.
                List<IndexedArticle> kept = existing.values().stream()
                        .filter(a -> a.sourceId().equals(source.id())).toList();
                kept.forEach(a -> keep.add(a.articleId()));
                statuses.add(new SourceStatus(source, kept.isEmpty() ? source.id() : kept.get(0).title(), kept.size(),
                        kept.stream().mapToInt(IndexedArticle::passages).sum(), Optional.of(problem)));
            }
            progress.advanced(source.id());
        }
        int removed = 0;
        for (String articleId : existing.keySet()) {
            if (!keep.contains(articleId)) {
                index.removeArticle(articleId);
                removed++;
            }
        }
        index.commit();
        progress.finished();
        int passages = statuses.stream().mapToInt(SourceStatus::passages).sum();
        return new SyncReport(added, updated, unchanged, removed, passages, statuses,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private int put(Article article, String fingerprint, Chunker chunker) {
        List<Passage> passages = chunker.chunk(article);
        // The title goes into each passage's embedding: a passage often leaves its subject to the headline.
        List<float[]> vectors = embedder.embedPassages(
                passages.stream().map(p -> article.metadata().title() + "\n" + p.text()).toList());
        index.putArticle(new IndexedArticle(article.id(), article.sourceId(), article.scope(),
                article.metadata().title(), fingerprint, passages.size()), passages, vectors);
        log.info("Indexed {}: {} passages", article.id(), passages.size());
        return passages.size();
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
