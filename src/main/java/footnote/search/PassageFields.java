package footnote.search;

import static footnote.search.IndexSchema.*;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A passage's stored fields, in one place for both backends: what each stores besides the fields it searches, and
 * how a passage is rebuilt from what a hit returns. A field added here reaches the embedded index and SolrCloud
 * alike, so the two never return different passages.
 */
public final class PassageFields {

    /** Every field a passage is rebuilt from, for a backend that must name the fields a search returns. */
    public static final List<String> NAMES = List.of(ID, ARTICLE, SOURCE, SCOPE, TEXT, TITLE, PASSAGE_KIND, POSITION,
            FIRST_SENTENCE, BEFORE, AFTER, AUTHOR, PUBLISHER, PUBLISHED, URL, FILE, DATE_NOTE);

    private PassageFields() {}

    /** The text as stored: a sentence a line, so an excerpt picks whole sentences without splitting again. */
    public static String text(Passage passage) {
        return String.join("\n", passage.sentences());
    }

    /**
     * The fields stored only, never searched: what a citation and an excerpt need. Values are strings or integers;
     * a field the passage does not have is left out.
     */
    public static Map<String, Object> storedOnly(Passage passage) {
        ArticleMetadata meta = passage.metadata();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(PASSAGE_KIND, passage.kind().id());
        fields.put(POSITION, passage.position());
        fields.put(FIRST_SENTENCE, passage.firstSentence());
        passage.before().ifPresent(s -> fields.put(BEFORE, s));
        passage.after().ifPresent(s -> fields.put(AFTER, s));
        meta.author().ifPresent(s -> fields.put(AUTHOR, s));
        meta.publisher().ifPresent(s -> fields.put(PUBLISHER, s));
        meta.published().ifPresent(d -> fields.put(PUBLISHED, d.iso()));
        meta.url().ifPresent(s -> fields.put(URL, s));
        meta.fileName().ifPresent(s -> fields.put(FILE, s));
        meta.dateNote().ifPresent(s -> fields.put(DATE_NOTE, s));
        return fields;
    }

    /** The passage a hit's stored fields describe; {@code stored} gives a field's value, or null when absent. */
    public static Passage read(Function<String, Object> stored) {
        Function<String, Optional<String>> optional = field -> Optional.ofNullable(stored.apply(field))
                .map(Object::toString);
        ArticleMetadata meta = new ArticleMetadata(string(stored, TITLE), optional.apply(AUTHOR),
                optional.apply(PUBLISHER), optional.apply(PUBLISHED).flatMap(PublicationDate::parse),
                optional.apply(URL), optional.apply(FILE), optional.apply(DATE_NOTE));
        return new Passage(string(stored, ARTICLE), string(stored, SOURCE), new Scope(string(stored, SCOPE)), meta,
                PassageKind.of(string(stored, PASSAGE_KIND)), integer(stored, POSITION),
                integer(stored, FIRST_SENTENCE), Arrays.asList(string(stored, TEXT).split("\n")),
                optional.apply(BEFORE), optional.apply(AFTER));
    }

    private static String string(Function<String, Object> stored, String field) {
        Object value = stored.apply(field);
        if (value == null) {
            throw new IllegalStateException("a stored passage lacks its " + field + " field");
        }
        return value.toString();
    }

    private static int integer(Function<String, Object> stored, String field) {
        Object value = stored.apply(field);
        return value instanceof Number n ? n.intValue() : Integer.parseInt(string(stored, field));
    }
}
