package footnote.store;

import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.insights.InsightStoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Insight records in a Lucene index of their own, {@code index/insights}: one document per record, keyed by server
 * and id, with the server (exact), the time asked (a point, for ranges) and the record as JSON ({@link InsightJson},
 * the same JSON the SolrCloud store keeps).
 *
 * <p>Why Lucene rather than an embedded SQL database: it is the library the passages already live in, so no new
 * dependency, no second storage engine to learn or repair; each {@code put} or {@code putAll} is a commit, which
 * Lucene makes atomic and durable (fsync), so a crash loses at most the batch in flight; retention and
 * {@code /insights forget} are one delete-by-query each; and the records of a server are small (a question, a few
 * citations and votes, about 1 KB), so reading a server's 90 days back whole for a report needs no query language.
 *
 * <p>What that costs, measured on the 2-core test machine while other builds loaded it (load average 7): a put
 * takes 70–140 ms, nearly all of it the commit's fsyncs (a synced 4 KB write takes 4.5 ms there), paid by the
 * insights writer thread, never by an answer, once for each batch it gathers; listing a server's 400 records takes
 * 20–50 ms once warm.
 *
 * <p>Nothing is opened until it is used, so commands that never record insights never touch the folder. Reads open
 * the last commit read-only; the first write opens the writer, which takes Lucene's {@code write.lock}. Another
 * process holding that lock (one bot process writes; {@code footnote insights} only reads) or a damaged index makes
 * every call throw {@link InsightStoreException} with a message saying so, which the insights service treats as a
 * lost record: the bot goes on answering. The next call tries again, so a lock given up or an index moved away is
 * picked up without a restart.
 *
 * <p>Thread-safe: one lock around everything. Writes come one a question from one writer thread and reads are
 * reports and votes, so nothing here is worth the reasoning that concurrent readers beside a swapped writer would
 * need.
 */
public final class LuceneInsightStore implements InsightStore {

    private static final Logger log = LoggerFactory.getLogger(LuceneInsightStore.class);

    static final String KEY = "key";
    static final String SERVER = "server";
    static final String ASKED = "asked";
    static final String RECORD = "record";

    /** Oldest first; records asked at the same instant in id order, so a listing is the same every time. */
    static final Comparator<InsightRecord> ORDER = Comparator.comparing(InsightRecord::asked)
            .thenComparing(InsightRecord::id);

    private final Path folder;
    private final InsightJson json = new InsightJson();
    private final Object lock = new Object();
    /** What is open, all guarded by {@link #lock}: nothing until first used, and nothing again after a failure. */
    private Optional<Directory> directory = Optional.empty();
    private Optional<IndexWriter> writer = Optional.empty();
    private Optional<SearcherManager> searchers = Optional.empty();
    private boolean closed;

    public LuceneInsightStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void put(InsightRecord record) {
        putAll(List.of(record));
    }

    /** One commit for all: the commit, not the documents, is what a record costs (70–140 ms here). */
    @Override
    public void putAll(List<InsightRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String what = InsightJson.saving(records);
        write(what, (w, searcher) -> {
            for (InsightRecord record : records) {
                w.updateDocument(new Term(KEY, InsightJson.key(record.server(), record.id())), document(record));
            }
            return records.size();
        });
    }

    private Document document(InsightRecord record) {
        Document doc = new Document();
        doc.add(new StringField(KEY, InsightJson.key(record.server(), record.id()), Field.Store.NO));
        doc.add(new StringField(SERVER, record.server(), Field.Store.NO));
        doc.add(new LongPoint(ASKED, InsightJson.time(record.asked())));
        doc.add(new StoredField(RECORD, new BytesRef(json.write(record))));
        return doc;
    }

    @Override
    public Optional<InsightRecord> get(String server, String id) {
        Query key = new TermQuery(new Term(KEY, InsightJson.key(server, id)));
        return read("reading insight record " + id, List.<InsightRecord>of(), s -> records(s, key)).stream()
                .filter(r -> r.server().equals(server) && r.id().equals(id)).findFirst();
    }

    @Override
    public List<InsightRecord> since(String server, Instant from) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SERVER, server)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(ASKED, InsightJson.time(from), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        return read("listing the insight records of server " + server, List.<InsightRecord>of(),
                s -> records(s, query)).stream().sorted(ORDER).toList();
    }

    @Override
    public List<String> servers() {
        return read("listing the servers with insight records", List.of(), LuceneInsightStore::servers);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        long before = InsightJson.time(cutoff);
        if (before == Long.MIN_VALUE) {
            return 0;
        }
        return delete("purging insight records asked before " + cutoff,
                LongPoint.newRangeQuery(ASKED, Long.MIN_VALUE, before - 1));
    }

    @Override
    public int deleteServer(String server) {
        return delete("forgetting the insight records of server " + server,
                new TermQuery(new Term(SERVER, server)));
    }

    /**
     * Counted on a searcher of every earlier write, under the lock and the write.lock: exact. Nothing to delete
     * (the usual daily purge) takes neither the writer nor the folder: a process that only reads is not refused it.
     */
    private int delete(String what, Query query) {
        if (read(what, 0, searcher -> searcher.count(query)) == 0) {
            return 0;
        }
        return write(what, (w, searcher) -> {
            int count = searcher.count(query);
            if (count > 0) {
                w.deleteDocuments(query);
            }
            return count;
        });
    }

    private List<InsightRecord> records(IndexSearcher searcher, Query query) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<InsightRecord> records = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            BytesRef bytes = stored.document(hit.doc, Set.of(RECORD)).getBinaryValue(RECORD);
            try {
                if (bytes == null) {
                    throw new IOException("a document without its record");
                }
                records.add(json.read(BytesRef.deepCopyOf(bytes).bytes));
            } catch (IOException e) {
                // Damage stays with the record: the others still make the report.
                log.warn("Skipping an unreadable insight record in {}: {}", folder, e.getMessage());
            }
        }
        return records;
    }

    /** In order; a server's term outlives its deleted records until a merge, so each is checked to have one. */
    private static List<String> servers(IndexSearcher searcher) throws IOException {
        List<String> servers = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), SERVER);
        if (terms == null) {
            return servers;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            Term server = new Term(SERVER, BytesRef.deepCopyOf(term));
            if (searcher.count(new TermQuery(server)) > 0) {
                servers.add(server.text());
            }
        }
        return servers;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface Writing {
        int write(IndexWriter writer, IndexSearcher searcher) throws IOException;
    }

    /** Reads the last commit (this process's, or another's); {@code none} while there is no index yet. */
    private <T> T read(String what, T none, Reading<T> reading) {
        synchronized (lock) {
            try {
                Optional<SearcherManager> open = searchers();
                if (open.isEmpty()) {
                    return none;
                }
                if (writer.isEmpty()) {
                    open.get().maybeRefreshBlocking(); // another process's commits
                }
                IndexSearcher searcher = open.get().acquire();
                try {
                    return reading.read(searcher);
                } finally {
                    open.get().release(searcher);
                }
            } catch (IOException | AlreadyClosedException e) {
                throw failed(what, e);
            }
        }
    }

    /** Writes and commits: durable when this returns, and seen by the next read. Returns what the write counted. */
    private int write(String what, Writing writing) {
        synchronized (lock) {
            try {
                IndexWriter open = writer();
                SearcherManager manager = searchers.orElseThrow();
                IndexSearcher searcher = manager.acquire();
                int count;
                try {
                    count = writing.write(open, searcher);
                } finally {
                    manager.release(searcher);
                }
                open.commit();
                manager.maybeRefreshBlocking();
                return count;
            } catch (IOException | AlreadyClosedException e) {
                throw failed(what, e);
            }
        }
    }

    private Optional<SearcherManager> searchers() throws IOException {
        checkOpen();
        if (searchers.isEmpty() && Files.exists(folder)) {
            Directory open = directory();
            if (DirectoryReader.indexExists(open)) {
                searchers = Optional.of(new SearcherManager(open, null));
            }
        }
        return searchers;
    }

    /** The writer, opened over the last commit (or a new index) on first use; reads then see through it. */
    private IndexWriter writer() throws IOException {
        checkOpen();
        if (writer.isPresent()) {
            return writer.get();
        }
        Files.createDirectories(folder);
        IndexWriter opened = new IndexWriter(directory(), new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        SearcherManager nearRealTime;
        try {
            if (!DirectoryReader.indexExists(opened.getDirectory())) {
                opened.commit(); // the index exists from the first write, even if that write fails
            }
            nearRealTime = new SearcherManager(opened, null);
        } catch (IOException | RuntimeException e) {
            opened.rollback();
            throw e;
        }
        closeSearchers();
        writer = Optional.of(opened);
        searchers = Optional.of(nearRealTime);
        return opened;
    }

    private Directory directory() throws IOException {
        if (directory.isEmpty()) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new FileAlreadyExistsException(folder.toString(), null, "not a folder");
            }
            directory = Optional.of(FSDirectory.open(folder));
        }
        return directory.get();
    }

    private void checkOpen() {
        if (closed) {
            throw new InsightStoreException("The insights index at " + folder + " is closed", null);
        }
    }

    /** Closes whatever is open, so the next call opens again, and says what went wrong and what to do. */
    private InsightStoreException failed(String what, Exception e) {
        shut();
        return new InsightStoreException("The insights index at " + folder + " failed " + what + ": " + why(e)
                + ". Insight records are not kept until this is put right; answers are not affected.", e);
    }

    private static String why(Exception e) {
        if (e instanceof LockObtainFailedException) {
            return "it is in use by another Footnote process (its write.lock is held), which records the insights";
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return "it was written by another Lucene version; move it away to start afresh";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it is a file, not a folder; move it away";
        }
        if (e instanceof NoSuchFileException) {
            return "files are missing (" + e.getMessage() + "); move it away to start afresh";
        }
        return "it is damaged or unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); move it away to start afresh";
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            shut();
        }
    }

    /** Every change is committed as it is made, so nothing is lost by rolling the writer back. */
    private void shut() {
        closeSearchers();
        writer.ifPresent(w -> quietly("closing the writer", w::rollback));
        writer = Optional.empty();
        directory.ifPresent(d -> quietly("closing the folder", d::close));
        directory = Optional.empty();
    }

    private void closeSearchers() {
        searchers.ifPresent(s -> quietly("closing the searchers", s::close));
        searchers = Optional.empty();
    }

    @FunctionalInterface
    private interface Closing {
        void close() throws IOException;
    }

    private void quietly(String what, Closing closing) {
        try {
            closing.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The insights index at {}: {} failed: {}", folder, what, e.toString());
        }
    }
}
