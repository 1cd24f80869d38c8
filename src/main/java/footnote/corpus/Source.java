package footnote.corpus;

import java.util.Objects;

/** Something the bot knows articles from, with the scope its passages answer for. */
public record Source(String id, SourceKind kind, Scope scope) {

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
    }
}
