package footnote.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/**
 * How the embedded index keeps each {@link IndexField.Role}: the Lucene side of {@link PassageFields}, which says
 * what the fields are. Changing a mapping here changes what is on disk, so it goes with a schema version bump.
 */
final class LuceneFields {

    /** {@link IndexSchema#WORDS}: document counts only, which is all spelling correction reads. */
    private static final FieldType SPELLING_TYPE = spellingType();

    private static FieldType spellingType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    private LuceneFields() {}

    static Document document(List<IndexField> fields) {
        Document doc = new Document();
        for (IndexField field : fields) {
            doc.add(field(field));
        }
        return doc;
    }

    private static IndexableField field(IndexField f) {
        return switch (f.role()) {
            case FILTER -> new StringField(f.name(), f.string(), Field.Store.NO);
            case KEYWORD -> new StringField(f.name(), f.string(), Field.Store.YES);
            case TEXT -> new TextField(f.name(), f.string(), Field.Store.YES);
            case SPELLING -> new Field(f.name(), f.string(), SPELLING_TYPE);
            case VECTOR -> new KnnFloatVectorField(f.name(), f.vector(), IndexSchema.VECTOR_SIMILARITY);
            // Integers stay numbers, as the stored format has always had them.
            case STORED -> f.value() instanceof Integer i ? new StoredField(f.name(), i)
                    : new StoredField(f.name(), f.string());
        };
    }

    /** A stored document's values as {@link PassageFields} reads them: a number where one was stored, else text. */
    static Function<String, Optional<?>> stored(Document doc) {
        return name -> Optional.ofNullable(doc.getField(name))
                .map(f -> f.numericValue() != null ? f.numericValue() : f.stringValue());
    }
}
