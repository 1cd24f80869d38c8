package footnote.search;

import java.util.Optional;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.index.IndexReader;
import static footnote.search.IndexSchema.*;

import footnote.corpus.Passage;
import footnote.corpus.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** A searcher acquired from the manager, released on close. */
final class LuceneSnapshot implements IndexSnapshot {

    /** Shorter words are left as typed: with one edit they turn into too many other words. */
    private static final int MIN_CORRECTED = 4;
    private static final DirectSpellChecker ONE_EDIT = spellChecker(1);
    private static final DirectSpellChecker TWO_EDITS = spellChecker(2);

    /** Lucene's spelling over the sources' own words: the first letter kept, as people rarely mistype it. */
    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(MIN_CORRECTED);
        checker.setAccuracy(0.5f);
        return checker;
    }

    private final ReferenceManager<IndexSearcher> manager;
    final IndexSearcher searcher;

    LuceneSnapshot(ReferenceManager<IndexSearcher> manager, IndexSearcher searcher) {
        this.manager = manager;
        this.searcher = searcher;
    }

    @Override
    public List<Hit> lexical(List<String> keyTerms, Set<Scope> scopes, int k) {
        if (keyTerms.isEmpty() || scopes.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String term : keyTerms) {
            terms.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
            terms.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), TITLE_BOOST), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(terms.build(), Occur.MUST)
                .add(scopeFilter(scopes), Occur.FILTER)
                .build();
        return hits(query, k, score -> score);
    }

    @Override
    public List<Hit> nearest(float[] vector, Set<Scope> scopes, int k) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        // The scope filter is applied while walking the graph, so k results come from the allowed passages.
        Query query = new KnnFloatVectorQuery(VECTOR, vector, k, scopeFilter(scopes));
        // Lucene scores unit-vector dot products as (1 + cos) / 2; callers want the cosine itself.
        return hits(query, k, score -> 2 * score - 1);
    }

    private List<Hit> hits(Query query, int k, DoubleUnaryOperator toScore) {
        try {
            ScoreDoc[] docs = searcher.search(query, k).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                hits.add(new Hit(doc.doc, (float) toScore.applyAsDouble(doc.score)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the index", e);
        }
    }

    private static Query scopeFilter(Set<Scope> scopes) {
        return new TermInSetQuery(SCOPE, scopes.stream().map(s -> new BytesRef(s.id())).toList());
    }

    @Override
    public Passage passage(Hit hit) {
        try {
            return PassageFields.readPassage(LuceneFields.stored(searcher.storedFields().document(hit.handle())));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading passage " + hit.handle(), e);
        }
    }

    @Override
    public long documentFrequency(String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(TEXT, term));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading term statistics", e);
        }
    }

    @Override
    public Optional<String> correction(String word) {
        try {
            IndexReader reader = searcher.getIndexReader();
            if (word.length() < MIN_CORRECTED || reader.docFreq(new Term(WORDS, word)) > 0) {
                return Optional.empty();
            }
            DirectSpellChecker checker = word.length() > 6 ? TWO_EDITS : ONE_EDIT;
            SuggestWord[] suggestions = checker.suggestSimilar(new Term(WORDS, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the index's words", e);
        }
    }

    @Override
    public int passageCount() {
        try {
            var statistics = searcher.collectionStatistics(TEXT);
            return statistics == null ? 0 : (int) statistics.docCount();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading collection statistics", e);
        }
    }

    @Override
    public void close() {
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Releasing a searcher", e);
        }
    }
}
