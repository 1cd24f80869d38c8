package footnote.store;

import footnote.ingest.SourceRecord;
import footnote.ingest.SourceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry as one JSON file per source, {@code <folder>/<id>.json}, each written atomically. Ids are checked
 * to be plain names so no id can reach outside the folder. Thread-safe.
 */
public final class FileSourceRegistry implements SourceRegistry {

    private final Path folder;
    private final Records records = new Records();

    public FileSourceRegistry(Path folder) {
        this.folder = folder;
    }

    @Override
    public synchronized List<SourceRecord> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                records.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the source registry in " + folder, e);
        }
        return records;
    }

    @Override
    public synchronized Optional<SourceRecord> get(String id) {
        Path file = file(id);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    @Override
    public synchronized void put(SourceRecord record) {
        byte[] bytes = records.source(record);
        try {
            AtomicFiles.write(file(record.id()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Saving source " + record.id(), e);
        }
    }

    @Override
    public synchronized void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting source " + id, e);
        }
    }

    private SourceRecord read(Path file) {
        try {
            return records.source(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("The source registry file " + file + " is damaged: " + e.getMessage()
                    + "; move it away to drop that source.", e);
        }
    }

    private Path file(String id) {
        return folder.resolve(Ids.checked(id) + ".json");
    }
}
