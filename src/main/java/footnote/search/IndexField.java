package footnote.search;

import java.util.Objects;

/**
 * One field of an index document as {@link PassageFields} states it: its name, its value, and what the index must
 * do with it. The role says what a field is for, not how it is kept; each backend turns the role into its own
 * storage (a Lucene field class, a Solr schema type), so the fields are stated once for both.
 *
 * @param value a String; an Integer too for {@link Role#STORED}; a unit-length float[] for {@link Role#VECTOR}
 */
public record IndexField(String name, Role role, Object value) {

    /** What the index does with a field. Adapters switch over every role, so a new one is handled everywhere. */
    public enum Role {
        /** Matched as one exact term, never read back: tells article markers from passages. */
        FILTER,
        /** Matched as one exact term and stored: the ids that writes, deletes and scope filters select by. */
        KEYWORD,
        /** Analysed as English for BM25, and stored for excerpts and citations. */
        TEXT,
        /** The words as written, for spelling correction only: counted, never scored, never read back. */
        SPELLING,
        /** The passage embedding, searched by nearest neighbour. */
        VECTOR,
        /** Stored only: what a citation and an excerpt need, read back from a hit, never searched. */
        STORED;

        /** Whether a hit's stored fields hold it, so that a backend names it among the fields a search returns. */
        public boolean readBack() {
            return this == KEYWORD || this == TEXT || this == STORED;
        }
    }

    public IndexField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(value, "value");
        // Checked here so that adapters can cast without guessing: a wrong type is a bug in the codec.
        boolean fits = switch (role) {
            case VECTOR -> value instanceof float[];
            case STORED -> value instanceof String || value instanceof Integer;
            case FILTER, KEYWORD, TEXT, SPELLING -> value instanceof String;
        };
        if (!fits) {
            throw new IllegalArgumentException(role + " field " + name + " cannot hold a " + value.getClass());
        }
    }

    /** The value of any role but {@link Role#VECTOR}, as text (an Integer as its digits). */
    public String string() {
        return value.toString();
    }

    /** The value of a {@link Role#VECTOR} field. */
    public float[] vector() {
        return (float[]) value;
    }
}
