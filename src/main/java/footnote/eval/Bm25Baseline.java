package footnote.eval;

import footnote.corpus.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The yardstick: plain Lucene BM25 over fixed 100-word windows of each article's text as captured, with
 * {@link StandardAnalyzer}; no cleaning, no embeddings, no abstention. It shows whole windows as its excerpts, and
 * its top score stands for its confidence.
 */
public final class Bm25Baseline implements AutoCloseable {

    static final int WINDOW_WORDS = 100;
    private static final String TEXT = "text";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public Bm25Baseline(List<Article> articles) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Article article : articles) {
                for (String window : windows(article.body())) {
                    Document doc = new Document();
                    doc.add(new TextField(TEXT, window, Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Building the baseline index in memory", e);
        }
    }

    static List<String> windows(String text) {
        String[] words = text.strip().split("\\s+");
        List<String> windows = new ArrayList<>();
        for (int from = 0; from < words.length && !words[from].isEmpty(); from += WINDOW_WORDS) {
            windows.add(String.join(" ", java.util.Arrays.copyOfRange(words, from,
                    Math.min(words.length, from + WINDOW_WORDS))));
        }
        return windows;
    }

    /** A window shown and its BM25 score. */
    public record Hit(String text, double score) {}

    /** The {@code k} best windows for the question, best first; none when the question has no searchable word. */
    public List<Hit> search(String question, int k) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, question);
        if (query == null) {
            return List.of();
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                hits.add(new Hit(searcher.storedFields().document(hit.doc).get(TEXT), hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the baseline index", e);
        }
    }

    /**
     * What the baseline shows for a question: its {@code k} best windows, with the top BM25 score as its confidence
     * (0 when nothing matches, below any match, since BM25 scores a match above 0). BM25 scores do not compare
     * across questions as well as a calibrated confidence would; that is what AUROC measures.
     */
    public Outcome outcome(EvalQuestion question, int k) {
        List<Hit> hits = search(question.question(), k);
        return new Outcome(question, hits.stream().map(Hit::text).toList(), hits.isEmpty() ? 0 : hits.get(0).score());
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
