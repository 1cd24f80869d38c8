package footnote.solr;

import footnote.search.IndexField;
import footnote.search.PassageFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * How SolrCloud takes each {@link IndexField.Role}: the Solr side of {@link PassageFields}, which says what the
 * fields are. The configset's schema decides how a field is indexed and stored, so nearly every role is a plain
 * value here; the schema must declare each field the codec writes.
 */
final class SolrFields {

    private SolrFields() {}

    static SolrInputDocument document(List<IndexField> fields) {
        SolrInputDocument doc = new SolrInputDocument();
        for (IndexField field : fields) {
            value(field).ifPresent(value -> doc.setField(field.name(), value));
        }
        return doc;
    }

    private static Optional<Object> value(IndexField field) {
        return switch (field.role()) {
            case FILTER, KEYWORD, TEXT, STORED -> Optional.of(field.value());
            case VECTOR -> Optional.of(floats(field.vector()));
            // The collection has no field for it: spelling correction is the embedded index's alone.
            case SPELLING -> Optional.empty();
        };
    }

    /** SolrJ sends a vector as a list of numbers. */
    private static List<Float> floats(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        return values;
    }

    /** A returned document's values as {@link PassageFields} reads them. */
    static Function<String, Optional<?>> stored(SolrDocument doc) {
        return name -> Optional.ofNullable(doc.getFirstValue(name));
    }
}
