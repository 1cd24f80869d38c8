package footnote.corpus;

import java.util.Locale;

/**
 * What kind of text a passage holds. Prose is the article's own running text; a caption is the text under a
 * picture or graphic, which a page marks with a media credit ("... Photo: Xinhua"). A caption can hold a fact the
 * prose leaves out (the date of an event, who stands beside whom), so it is searchable, but it is never mixed into
 * a prose passage, and an excerpt from it says what it is.
 */
public enum PassageKind {
    PROSE,
    CAPTION;

    /** The stored form: {@code prose} or {@code caption}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the stored form back; an index written before kinds existed is rebuilt, so no default is needed. */
    public static PassageKind of(String id) {
        for (PassageKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown passage kind: " + id);
    }
}
