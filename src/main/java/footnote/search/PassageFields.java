package footnote.search;

import static footnote.search.IndexField.Role.FILTER;
import static footnote.search.IndexField.Role.KEYWORD;
import static footnote.search.IndexField.Role.SPELLING;
import static footnote.search.IndexField.Role.STORED;
import static footnote.search.IndexSchema.*;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import footnote.search.IndexField.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The field codec both backends share: which fields a passage and an article marker are written as, with the
 * value and role of each, and how a passage and a marker are read back from a document's stored values. The
 * embedded index and SolrCloud only say how each role is kept, so a field added here reaches both alike and the
 * two never return different passages. A new citation field is one line in
 * {@link #PASSAGE} and one argument in {@link #readPassage}, besides its name in {@link IndexSchema} and a line in
 * the Solr configset's schema.
 */
public final class PassageFields {

    /** A field as a function of what is written; empty when the passage or article does not have it. */
    private record Spec<T>(String name, Role role, Function<T, Optional<?>> value) {}

    /** A passage's fields, in the order the embedded index has always stored them. */
    private static final List<Spec<Passage>> PASSAGE = List.of(
            always(KIND, FILTER, p -> KIND_PASSAGE),
            always(ID, KEYWORD, Passage::id),
            always(ARTICLE, KEYWORD, Passage::articleId),
            always(SOURCE, KEYWORD, Passage::sourceId),
            always(SCOPE, KEYWORD, p -> p.scope().id()),
            always(TEXT, Role.TEXT, PassageFields::text),
            always(TITLE, Role.TEXT, p -> p.metadata().title()),
            always(WORDS, SPELLING, p -> text(p) + "\n" + p.metadata().title()),
            always(PASSAGE_KIND, STORED, p -> p.kind().id()),
            always(POSITION, STORED, Passage::position),
            always(FIRST_SENTENCE, STORED, Passage::firstSentence),
            ifPresent(BEFORE, Passage::before),
            ifPresent(AFTER, Passage::after),
            ifPresent(AUTHOR, p -> p.metadata().author()),
            ifPresent(PUBLISHER, p -> p.metadata().publisher()),
            ifPresent(PUBLISHED, p -> p.metadata().published().map(PublicationDate::iso)),
            ifPresent(URL, p -> p.metadata().url()),
            ifPresent(FILE, p -> p.metadata().fileName()),
            ifPresent(DATE_NOTE, p -> p.metadata().dateNote()));

    /** The one marker document per article: what indexing needs to skip an unchanged article or replace it. */
    private static final List<Spec<IndexedArticle>> MARKER = List.of(
            always(KIND, FILTER, a -> KIND_ARTICLE),
            always(ARTICLE, KEYWORD, IndexedArticle::articleId),
            always(SOURCE, KEYWORD, IndexedArticle::sourceId),
            always(SCOPE, KEYWORD, a -> a.scope().id()),
            always(ARTICLE_TITLE, STORED, IndexedArticle::title),
            always(FINGERPRINT, STORED, IndexedArticle::fingerprint),
            always(PASSAGE_COUNT, STORED, IndexedArticle::passages));

    /** Every field a passage is rebuilt from, for a backend that must name the fields a search returns. */
    public static final List<String> PASSAGE_NAMES = readBack(PASSAGE);
    /** Every field a marker is rebuilt from. */
    public static final List<String> MARKER_NAMES = readBack(MARKER);

    private PassageFields() {}

    /** The document of one passage with its embedding. */
    public static List<IndexField> passage(Passage passage, float[] vector) {
        List<IndexField> fields = fields(PASSAGE, passage);
        // Last, as it always came after the stored fields' place; it is not stored, so the order changes nothing.
        fields.add(new IndexField(VECTOR, Role.VECTOR, vector));
        return fields;
    }

    /** The marker document of an article. */
    public static List<IndexField> marker(IndexedArticle article) {
        return fields(MARKER, article);
    }

    /**
     * The passage a hit's stored values describe.
     *
     * @param stored a field's stored value (a String or a Number) as the backend reads it, empty when absent
     */
    public static Passage readPassage(Function<String, Optional<?>> stored) {
        Values v = new Values(stored);
        ArticleMetadata meta = new ArticleMetadata(v.string(TITLE), v.optional(AUTHOR), v.optional(PUBLISHER),
                v.optional(PUBLISHED).flatMap(PublicationDate::parse), v.optional(URL), v.optional(FILE),
                v.optional(DATE_NOTE));
        return new Passage(v.string(ARTICLE), v.string(SOURCE), new Scope(v.string(SCOPE)), meta,
                PassageKind.of(v.string(PASSAGE_KIND)), v.integer(POSITION), v.integer(FIRST_SENTENCE),
                Arrays.asList(v.string(TEXT).split("\n")), v.optional(BEFORE), v.optional(AFTER));
    }

    /** The article a marker's stored values describe; {@code stored} as for {@link #readPassage}. */
    public static IndexedArticle readMarker(Function<String, Optional<?>> stored) {
        Values v = new Values(stored);
        return new IndexedArticle(v.string(ARTICLE), v.string(SOURCE), new Scope(v.string(SCOPE)),
                v.string(ARTICLE_TITLE), v.string(FINGERPRINT), v.integer(PASSAGE_COUNT));
    }

    /** The text as stored: a sentence a line, so an excerpt picks whole sentences without splitting again. */
    private static String text(Passage passage) {
        return String.join("\n", passage.sentences());
    }

    private static <T> Spec<T> always(String name, Role role, Function<T, ?> value) {
        return new Spec<>(name, role, t -> Optional.of(value.apply(t)));
    }

    private static <T> Spec<T> ifPresent(String name, Function<T, Optional<?>> value) {
        return new Spec<>(name, STORED, value);
    }

    private static <T> List<IndexField> fields(List<Spec<T>> specs, T written) {
        List<IndexField> fields = new ArrayList<>(specs.size() + 1);
        for (Spec<T> spec : specs) {
            spec.value().apply(written).ifPresent(value -> fields.add(new IndexField(spec.name(), spec.role(), value)));
        }
        return fields;
    }

    private static List<String> readBack(List<? extends Spec<?>> specs) {
        return specs.stream().filter(spec -> spec.role().readBack()).map(Spec::name).toList();
    }

    /** A document's stored values, read as the records need them. */
    private record Values(Function<String, Optional<?>> stored) {

        Optional<String> optional(String field) {
            return stored.apply(field).map(Object::toString);
        }

        String string(String field) {
            return optional(field).orElseThrow(() -> new IllegalStateException(
                    "a stored document lacks its " + field + " field"));
        }

        int integer(String field) {
            Object value = stored.apply(field).orElseThrow(() -> new IllegalStateException(
                    "a stored document lacks its " + field + " field"));
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
        }
    }
}
