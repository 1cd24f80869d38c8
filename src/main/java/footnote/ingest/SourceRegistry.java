package footnote.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The sources added at run time, by id. Implementations write each record durably and atomically: after a crash
 * a record is the old one or the new one, never a mix. Thread-safe.
 */
public interface SourceRegistry {

    List<SourceRecord> all();

    Optional<SourceRecord> get(String id);

    void put(SourceRecord record);

    void delete(String id);

    /**
     * Sources whose record was found damaged and set aside, by id: they are left out of {@link #all()}, and their
     * copies must be kept so that a repair can restore them.
     */
    default List<String> quarantined() {
        return List.of();
    }
}
