package footnote.ingest;

import java.util.Optional;

/**
 * What tells a feed entry already copied: its GUID, its link, or the hash of its text. Feeds reuse and change all
 * three, so an entry counts as copied when any of its keys was seen.
 */
record EntryKey(Kind kind, String value) {

    enum Kind { GUID, URL, HASH }

    static Optional<EntryKey> guid(Optional<String> guid) {
        return guid.map(g -> new EntryKey(Kind.GUID, g));
    }

    static Optional<EntryKey> url(Optional<String> url) {
        return url.map(u -> new EntryKey(Kind.URL, u));
    }

    static EntryKey hash(String hash) {
        return new EntryKey(Kind.HASH, hash);
    }
}
