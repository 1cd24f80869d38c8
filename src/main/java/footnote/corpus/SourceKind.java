package footnote.corpus;

import java.net.URI;
import java.nio.file.Path;

/** Where a source's articles come from. A closed set: each kind is read, refreshed and listed its own way. */
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

    /** One article on the web, fetched once and refetched on refresh. */
    record WebPage(URI url) implements SourceKind {
        @Override
        public String label() {
            return "page";
        }
    }

    /** An RSS or Atom feed, polled on a schedule; each new entry's article becomes an article of the source. */
    record Feed(URI url) implements SourceKind {
        @Override
        public String label() {
            return "feed";
        }
    }

    /** A file a moderator uploaded (text, Markdown, HTML or PDF). */
    record Upload(String fileName) implements SourceKind {
        @Override
        public String label() {
            return "upload";
        }
    }
}
