package footnote.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.IOUtils;

/**
 * Every index field and analyzer, in one place, each choice explained. A second backend (SolrCloud) mirrors these
 * in its schema, so the ranking is the same on either.
 */
public final class IndexSchema {

    /** Bumped whenever a field or analyzer below changes meaning, so an old index is rebuilt, not misread. */
    public static final int VERSION = 4;

    /** "article" for the one marker document per article, "passage" for the rest; markers carry fingerprints. */
    public static final String KIND = "kind";
    /** Unique passage key, {@code articleId#position}: a StringField, indexed as one token, stored. */
    public static final String ID = "id";
    /** The article a document belongs to: replacing a changed article deletes by this term in one atomic call. */
    public static final String ARTICLE = "article";
    /** The source (file, URL, feed) an article came from: removing a source deletes by this term. */
    public static final String SOURCE = "source";
    /** Who may see the passage (every server, or one): a filter on every search, lexical and dense alike. */
    public static final String SCOPE = "scope";
    /**
     * Passage text, English-analysed for BM25 and stored for excerpts. Sentences are stored one per line so an
     * excerpt can pick whole sentences without splitting again.
     */
    public static final String TEXT = "text";
    /**
     * The words of the passage and its title as written (lower case, accents folded, not stemmed), for spelling
     * only: a misspelt question word is corrected to the closest word the sources use. Unstemmed because a typo
     * stems differently from the word it misspells ("confrence" to "confrenc", "conference" to "confer"). Indexed
     * for document counts only (no frequencies, positions or norms), so it adds little to the index.
     */
    public static final String WORDS = "words";
    /** The article's title on every passage, English-analysed: a title word is evidence for all its passages. */
    public static final String TITLE = "title";
    /**
     * A title word counts for less than a word of the passage itself: the title is shared by all of an article's
     * passages, so it says which article, not which passage. Chosen with {@code footnote eval}.
     */
    public static final float TITLE_BOOST = 0.3f;
    /**
     * The passage embedding. Vectors are unit length, so dot product equals cosine and is the cheaper of the two;
     * Lucene reports it as (1 + cos) / 2.
     */
    public static final String VECTOR = "vector";
    public static final VectorSimilarityFunction VECTOR_SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    // Stored only: what a citation and an excerpt need, read back from the hits alone.
    public static final String POSITION = "position";
    public static final String FIRST_SENTENCE = "first_sentence";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String AUTHOR = "author";
    public static final String PUBLISHER = "publisher";
    public static final String PUBLISHED = "published";
    public static final String URL = "url";
    public static final String FILE = "file";
    /**
     * Whether the passage is prose or a caption ({@link footnote.corpus.PassageKind#id()}), stored only: retrieval
     * treats both alike, and an excerpt says which it quotes. Not {@link #KIND}, which tells passages from markers.
     */
    public static final String PASSAGE_KIND = "passage_kind";
    /** An undated article's note on when it was written ("Written shortly after …"), for its citations. */
    public static final String DATE_NOTE = "date_note";
    public static final String FINGERPRINT = "fingerprint";
    /** The title on an article marker, stored only: a marker must never match a search. */
    public static final String ARTICLE_TITLE = "article_title";
    public static final String PASSAGE_COUNT = "passages";

    public static final String KIND_ARTICLE = "article";
    public static final String KIND_PASSAGE = "passage";

    private IndexSchema() {}

    /**
     * Text and title at index time: English analysis with accents folded ({@link EnglishFoldingAnalyzer}), so
     * "regulators" finds "regulations", "Xi's" finds "Xi" and "Schrodinger" finds "Schrödinger". Lucene's short
     * stop list is used here so that the query side's longer list can change without re-indexing.
     */
    public static Analyzer indexAnalyzer() {
        return new EnglishFoldingAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /** Words as written, for {@link #WORDS}: the standard tokenizer, possessives, lower case, accents folded. */
    public static Analyzer wordsAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                return new TokenStreamComponents(source, result);
            }
        };
    }

    /** What the index writer analyses each field with: {@link #WORDS} as written, everything else as text. */
    public static Analyzer writerAnalyzer() {
        return new PerFieldAnalyzerWrapper(indexAnalyzer(), Map.of(WORDS, wordsAnalyzer()));
    }

    /**
     * Questions: the same chain with the longer Snowball stop list plus question words ("what", "how many"), which
     * carry no evidence of where an answer is and must not be bolded as key terms. Same stemmer, so query terms
     * equal index terms.
     */
    public static Analyzer queryAnalyzer() {
        return new EnglishFoldingAnalyzer(questionStopWords());
    }

    static CharArraySet questionStopWords() {
        try (var in = IOUtils.getDecodingReader(
                IOUtils.requireResourceNonNull(SnowballFilter.class.getResourceAsStream("english_stop.txt"),
                        "english_stop.txt"),
                StandardCharsets.UTF_8)) {
            CharArraySet words = new CharArraySet(WordlistLoader.getSnowballWordSet(in), false);
            words.addAll(List.of("many", "much", "whose"));
            return CharArraySet.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop list is missing from the class path", e);
        }
    }
}
