package footnote.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The index's analysis applied outside the index: a question's key terms, and the terms of a sentence with their
 * character offsets, so excerpt selection, coverage and bolding agree exactly with what BM25 matched.
 * Thread-safe: Lucene analyzers reuse token streams per thread.
 */
public final class TextAnalysis implements AutoCloseable {

    private final Analyzer indexAnalyzer = IndexSchema.indexAnalyzer();
    private final Analyzer queryAnalyzer = IndexSchema.queryAnalyzer();

    /** A term of analysed text and where it stands in the original. */
    public record Token(String term, int start, int end) {}

    /** The question's distinct key terms, stemmed, in order of first appearance; question words left out. */
    public List<String> keyTerms(String question) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (Token token : analyze(queryAnalyzer, question)) {
            terms.add(token.term());
        }
        return List.copyOf(terms);
    }

    /** Every indexed term of {@code text} with its offsets in {@code text}. */
    public List<Token> tokens(String text) {
        return analyze(indexAnalyzer, text);
    }

    private static List<Token> analyze(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O; this cannot happen short of a broken analyzer.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() {
        indexAnalyzer.close();
        queryAnalyzer.close();
    }
}
