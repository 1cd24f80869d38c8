package footnote.ingest;

import footnote.corpus.Scope;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * New source ids: six characters from an alphabet without look-alikes (no l, o, 0, 1), random so that an id says
 * nothing about a source or its server, and never one in use, by a registered or a bundled source.
 */
final class SourceIds {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 6;

    private final SourceRegistry registry;
    private final SourceBoard bundled;
    private final SecureRandom random = new SecureRandom();

    SourceIds(SourceRegistry registry, SourceBoard bundled) {
        this.registry = registry;
        this.bundled = bundled;
    }

    String next() {
        Set<String> taken = new HashSet<>();
        registry.all().forEach(r -> taken.add(r.id()));
        registry.quarantined().forEach(taken::add); // a repair may bring them back
        bundled.list(Set.of(Scope.GLOBAL)).forEach(s -> taken.add(s.source().id()));
        while (true) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (taken.add(id.toString())) {
                return id.toString();
            }
        }
    }
}
