package footnote.search;

import static footnote.search.IndexSchema.*;

import footnote.corpus.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded index: one Lucene directory holding every passage with its text, title, vector and citation
 * metadata, plus one marker document per article with the fingerprint it was built from.
 *
 * <p>Readers use near-real-time searchers from a {@link SearcherManager}, refreshed on commit, so questions keep
 * being answered while articles are indexed. Lucene's commit is atomic, so a crash mid-way leaves the last commit.
 */
public final class LuceneIndex implements PassageIndex {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LuceneIndex.class);

    /** Commit user-data key for what the index was built with (schema, model, chunking); a mismatch rebuilds. */
    static final String SIGNATURE_KEY = "footnote.signature";

    private final Directory directory;
    private final Optional<IndexWriter> writer;
    private final ReferenceManager<IndexSearcher> searchers;
    private final String description;
    /** True while a rebuild is under way: commits wait for {@link #completeRebuild()}. */
    private volatile boolean holdingCommits;

    private LuceneIndex(Directory directory, Optional<IndexWriter> writer, ReferenceManager<IndexSearcher> searchers,
            String description) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.description = description;
    }

    /**
     * Opens the index at {@code path} for reading and writing, creating it when missing. An index built with a
     * different signature (another embedding model or chunking) is replaced by an empty one at the next commit.
     *
     * @param rebuild start from an empty index whatever is there, e.g. after corruption
     */
    public static LuceneIndex openWritable(Path path, String signature, boolean rebuild) {
        try {
            Files.createDirectories(path);
            StaleLock.clearIfUnheld(path.resolve(IndexWriter.WRITE_LOCK_NAME));
            if (rebuild) {
                return openRebuild(path, signature);
            }
            Directory directory = FSDirectory.open(path);
            boolean replace = !signature.equals(storedSignature(directory, path).orElse(signature));
            return openWriter(directory, signature, replace, false, path.toString());
        } catch (LockObtainFailedException e) {
            throw inUse(path, e);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /**
     * A rebuild writes a new index beside the last commit, which stays what every other reader sees: commits are
     * held back (searches here see the new passages as they come, near-real-time) until {@link #completeRebuild()}
     * replaces the old commit in one step. A rebuild that fails or is killed leaves the old index as it was. Only a
     * directory whose commit cannot even be read is cleared first, since Lucene cannot open a writer over it.
     */
    private static LuceneIndex openRebuild(Path path, String signature) throws IOException {
        try {
            return openWriter(FSDirectory.open(path), signature, true, true, path.toString());
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.warn("The index at {} cannot be read ({}); clearing it to rebuild", path, e.getClass().getSimpleName());
            clear(path);
            return openWriter(FSDirectory.open(path), signature, true, true, path.toString());
        }
    }

    private static IndexUnavailableException inUse(Path path, LockObtainFailedException e) {
        return new IndexUnavailableException(IndexUnavailableException.Reason.IN_USE, "The index at " + path
                + " is in use by another Footnote process (its write.lock is held); stop that process or point"
                + " --index elsewhere.", e);
    }

    /**
     * Deletes the index's files, damaged or not, so a rebuild starts clean: Lucene cannot even open a writer over a
     * directory whose commit point is unreadable. The index is derived data; the sources stay where they are.
     */
    private static void clear(Path path) throws IOException {
        try (var files = Files.list(path)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f)
                    && !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Opens an existing index for reading only, e.g. while another process writes it. */
    public static LuceneIndex openReadOnly(Path path, String signature) {
        try {
            Directory directory = FSDirectory.open(path);
            Optional<String> stored = storedSignature(directory, path);
            if (stored.isEmpty()) {
                throw new IndexUnavailableException("There is no index at " + path
                        + "; build it with: java -jar target/footnote.jar index");
            }
            if (!stored.get().equals(signature)) {
                throw new IndexUnavailableException("The index at " + path + " was built with other settings ("
                        + stored.get() + "); rebuild it with: java -jar target/footnote.jar index");
            }
            return new LuceneIndex(directory, Optional.empty(), new SearcherManager(directory, null), path.toString());
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** An index in memory, for tests and for evaluating a corpus without touching the configured index. */
    public static LuceneIndex inMemory(String signature) {
        try {
            return openWriter(new ByteBuffersDirectory(), signature, true, false, "memory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LuceneIndex openWriter(Directory directory, String signature, boolean replace, boolean rebuild,
            String description) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.writerAnalyzer())
                .setOpenMode(replace ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(!rebuild); // an unfinished rebuild is rolled back, never committed by closing
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            writer.setLiveCommitData(Map.of(SIGNATURE_KEY, signature).entrySet());
            if (!DirectoryReader.indexExists(directory)) {
                // An empty first commit makes the index (and its signature) exist before any article is added.
                // A replaced index is not committed yet: until the rebuild commits, the old commit stays on disk.
                writer.commit();
            }
            LuceneIndex index = new LuceneIndex(directory, Optional.of(writer), new SearcherManager(writer, null),
                    description);
            index.holdingCommits = rebuild;
            return index;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static Optional<String> storedSignature(Directory directory, Path path) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return Optional.ofNullable(reader.getIndexCommit().getUserData().get(SIGNATURE_KEY));
        }
    }

    private static IndexUnavailableException unreadable(Path path, IOException e) {
        String why = e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException
                ? "it was written by another Lucene version"
                : e instanceof IndexNotFoundException || e instanceof NoSuchFileException
                        ? "files are missing"
                        : "it is damaged (" + e.getClass().getSimpleName() + ")";
        return new IndexUnavailableException("The index at " + path + " cannot be read: " + why
                + ". Rebuild it from the sources with: java -jar target/footnote.jar index --rebuild", e);
    }

    @Override
    public boolean writable() {
        return writer.isPresent();
    }

    @Override
    public Map<String, IndexedArticle> articles() {
        return articles(new TermQuery(new Term(KIND, KIND_ARTICLE)));
    }

    @Override
    public Map<String, IndexedArticle> articles(String sourceId) {
        return articles(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SOURCE, sourceId)), BooleanClause.Occur.FILTER).build());
    }

    private Map<String, IndexedArticle> articles(Query markers) {
        try (LuceneSnapshot snapshot = snapshot()) {
            IndexSearcher searcher = snapshot.searcher;
            StoredFields stored = searcher.storedFields();
            Map<String, IndexedArticle> articles = new HashMap<>();
            for (ScoreDoc doc : searcher.search(markers, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
                IndexedArticle article = PassageFields.readMarker(LuceneFields.stored(stored.document(doc.doc)));
                articles.put(article.articleId(), article);
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the article list from " + description, e);
        }
    }

    @Override
    public void putArticle(IndexedArticle article, List<Passage> passages, List<float[]> vectors) {
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
        }
        List<Document> docs = new ArrayList<>(passages.size() + 1);
        docs.add(LuceneFields.document(PassageFields.marker(article)));
        for (int i = 0; i < passages.size(); i++) {
            docs.add(LuceneFields.document(PassageFields.passage(passages.get(i), vectors.get(i))));
        }
        write(w -> {
            try {
                w.updateDocuments(new Term(ARTICLE, article.articleId()), docs);
            } catch (IOException e) {
                throw new UncheckedIOException("Indexing article " + article.articleId(), e);
            }
        });
    }

    @Override
    public void removeArticle(String articleId) {
        write(w -> {
            try {
                w.deleteDocuments(new Term(ARTICLE, articleId));
            } catch (IOException e) {
                throw new UncheckedIOException("Removing article " + articleId, e);
            }
        });
    }

    @Override
    public void commit() {
        write(w -> {
            try {
                if (holdingCommits) {
                    w.flush(); // a rebuild: searches here see it, the last commit stays what others read
                } else {
                    w.commit();
                }
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Committing the index at " + description, e);
            }
        });
    }

    @Override
    public void completeRebuild() {
        if (holdingCommits) {
            holdingCommits = false;
            commit();
        }
    }

    /**
     * Waits until Lucene's background merges have finished, then commits and refreshes so that searches use the
     * merged segments. A bulk ingest leaves minutes of merging behind at 100k passages, and searches over the
     * unmerged segments, sharing two cores with the merge threads, are a third slower than what users later get.
     */
    public void awaitMerges() {
        write(w -> {
            try {
                // maybeMerge registers any cascading merge before we look, so an empty pair means merging is done.
                for (w.maybeMerge(); w.hasPendingMerges() || !w.getMergingSegments().isEmpty(); w.maybeMerge()) {
                    Thread.sleep(100);
                }
                w.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Merging the index at " + description, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for merges at " + description, e);
            }
        });
    }

    private void write(Consumer<IndexWriter> action) {
        action.accept(writer.orElseThrow(() -> new IllegalStateException(
                "The index at " + description + " is open read-only: another process writes it.")));
    }

    @Override
    public LuceneSnapshot snapshot() {
        try {
            if (writer.isEmpty()) {
                // Read-only: another process writes. Its commits are picked up here, a directory listing when
                // nothing changed; maybeRefresh skips if another thread is already refreshing.
                searchers.maybeRefresh();
            }
            return new LuceneSnapshot(searchers, searchers.acquire());
        } catch (IOException e) {
            throw new UncheckedIOException("Opening a searcher on " + description, e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writer.isPresent()) {
            writer.get().close();
        }
        directory.close();
    }

    @Override
    public String toString() {
        return "LuceneIndex[" + description + "]";
    }
}
