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

    /**
     * Writes a job's change to its own source's record, unless the source was removed or marked for removal since:
     * then nothing is written. Atomic against a removal in this process and, where processes share the registry,
     * in any other, so a job never brings a removed source back.
     *
     * @return whether the record was written
     */
    boolean update(SourceRecord record);

    void delete(String id);

    /**
     * Sources whose record was found damaged and set aside, by id: they are left out of {@link #all()}, and their
     * copies must be kept so that a repair can restore them.
     */
    default List<String> quarantined() {
        return List.of();
    }
}
