package footnote.bench;

import footnote.search.Embedder;
import footnote.search.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/** The floor on the embedded index: plain Lucene BM25 over the passage text and KNN over the vectors. */
public final class RawLucene implements Floor {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = IndexSchema.queryAnalyzer();
    private final Embedder embedder;
    private final int k;

    public RawLucene(Path index, Embedder embedder, int k) {
        try {
            this.reader = DirectoryReader.open(FSDirectory.open(index));
        } catch (IOException e) {
            throw new UncheckedIOException("Opening " + index, e);
        }
        this.searcher = new IndexSearcher(reader);
        this.embedder = embedder;
        this.k = k;
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    @Override
    public int bm25(String question) {
        try {
            BooleanQuery.Builder bm25 = new BooleanQuery.Builder();
            for (String term : terms(question)) {
                bm25.add(new TermQuery(new Term(IndexSchema.TEXT, term)), Occur.SHOULD);
            }
            return searcher.search(bm25.build(), k).scoreDocs.length;
        } catch (IOException e) {
            throw new UncheckedIOException("Searching", e);
        }
    }

    @Override
    public int knn(float[] vector) {
        try {
            return searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, k), k).scoreDocs.length;
        } catch (IOException e) {
            throw new UncheckedIOException("Searching", e);
        }
    }

    private List<String> terms(String question) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexSchema.TEXT, question)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Override
    public void close() throws IOException {
        analyzer.close();
        reader.close();
    }
}
