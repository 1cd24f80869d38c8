package footnote.store;

import footnote.ingest.SourceRecord;
import footnote.ingest.SourceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as one JSON file per source, {@code <folder>/<id>.json}, each written atomically, with a second copy
 * in {@code <folder>/backup/}. Ids are checked to be plain names so no id can reach outside the folder.
 *
 * <p>A damaged file never takes the registry down: it is moved to {@code <folder>/damaged/} with a one-line
 * warning naming it, and the record is restored from its backup when that reads; otherwise that one source is left
 * out (its copies are kept, and {@link #quarantined()} names it for a repair) while every other source goes on.
 * Thread-safe.
 */
public final class FileSourceRegistry implements SourceRegistry {

    private static final Logger log = LoggerFactory.getLogger(FileSourceRegistry.class);

    private final Path folder;
    private final Path backups;
    private final Path damaged;
    private final Records records = new Records();

    public FileSourceRegistry(Path folder) {
        this.folder = folder;
        this.backups = folder.resolve("backup");
        this.damaged = folder.resolve("damaged");
    }

    @Override
    public synchronized List<SourceRecord> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SourceRecord> found = new ArrayList<>();
        for (Path file : jsonFiles(folder)) {
            read(file).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public synchronized Optional<SourceRecord> get(String id) {
        Path file = file(id);
        return Files.exists(file) ? read(file) : Optional.empty();
    }

    @Override
    public synchronized void put(SourceRecord record) {
        byte[] bytes = records.source(record);
        try {
            AtomicFiles.write(file(record.id()), bytes);
            AtomicFiles.write(backups.resolve(record.id() + ".json"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Saving source " + record.id(), e);
        }
    }

    /** One process writes this registry (a second one opens the index read-only), so its monitor is enough. */
    @Override
    public synchronized boolean update(SourceRecord record) {
        Optional<SourceRecord> stored = get(record.id());
        if (stored.isEmpty() || stored.get().state() == SourceRecord.State.REMOVING) {
            return false;
        }
        put(record);
        return true;
    }

    @Override
    public synchronized void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
            Files.deleteIfExists(backups.resolve(Ids.checked(id) + ".json"));
            Files.deleteIfExists(damaged.resolve(Ids.checked(id) + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting source " + id, e);
        }
    }

    /** Sources whose record was damaged and could not be restored from its backup, by id. */
    @Override
    public synchronized List<String> quarantined() {
        if (!Files.isDirectory(damaged)) {
            return List.of();
        }
        return jsonFiles(damaged).stream().map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                .filter(id -> !Files.exists(folder.resolve(id + ".json"))).toList();
    }

    private static List<Path> jsonFiles(Path in) {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the source registry in " + in, e);
        }
    }

    /** The record in {@code file}; a damaged one is quarantined and restored from its backup if it can be. */
    private Optional<SourceRecord> read(Path file) {
        Optional<SourceRecord> record = parse(file);
        if (record.isPresent()) {
            return record;
        }
        String name = file.getFileName().toString();
        Path backup = backups.resolve(name);
        Optional<SourceRecord> restored = Files.exists(backup) ? parse(backup) : Optional.empty();
        try {
            Files.createDirectories(damaged);
            Files.move(file, damaged.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            if (restored.isPresent()) {
                AtomicFiles.write(file, Files.readAllBytes(backup));
                log.warn("The source registry file {} was damaged; moved to {} and restored from {}", file,
                        damaged.resolve(name), backup);
            } else {
                log.warn("The source registry file {} is damaged; moved to {}, and that source is left out until"
                        + " `footnote sources repair` restores it from its copies", file, damaged.resolve(name));
            }
        } catch (IOException e) {
            log.warn("The source registry file {} is damaged and could not be moved aside; that source is left out",
                    file, e);
        }
        return restored;
    }

    /** The record, when the file reads as one and names the id its file name does. */
    private Optional<SourceRecord> parse(Path file) {
        String id = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return Optional.of(records.source(Files.readAllBytes(file))).filter(r -> r.id().equals(id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path file(String id) {
        return folder.resolve(Ids.checked(id) + ".json");
    }
}
