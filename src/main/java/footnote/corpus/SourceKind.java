package footnote.corpus;

import java.nio.file.Path;

/** Where a source's articles come from. New kinds (URLs, feeds, uploads) join this closed set. */
public sealed interface SourceKind {

    /** A short name shown in source lists. */
    String label();

    /** An article file shipped with the bot under {@code config/}, serving every server. */
    record Bundled(Path file) implements SourceKind {
        @Override
        public String label() {
            return "file";
        }
    }
}
