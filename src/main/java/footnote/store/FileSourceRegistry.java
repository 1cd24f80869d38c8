package footnote.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.ingest.SourceRecord;
import footnote.ingest.SourceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(
            @JsonProperty("id") String id,
            @JsonProperty("kind") String kind,
            @JsonProperty("url") String url,
            @JsonProperty("fileName") String fileName,
            @JsonProperty("scope") String scope,
            @JsonProperty("title") String title,
            @JsonProperty("state") SourceRecord.State state,
            @JsonProperty("added") Instant added,
            @JsonProperty("lastFetched") Instant lastFetched,
            @JsonProperty("problem") String problem) {}

    public FileSourceRegistry(Path folder) {
        this.folder = folder;
        json.findAndRegisterModules();
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
        Source source = record.source();
        String kind = source.kind().label();
        String url = null;
        String fileName = null;
        if (source.kind() instanceof SourceKind.WebPage page) {
            url = page.url().toString();
        } else if (source.kind() instanceof SourceKind.Feed feed) {
            url = feed.url().toString();
        } else if (source.kind() instanceof SourceKind.Upload upload) {
            fileName = upload.fileName();
        } else {
            throw new IllegalArgumentException("bundled sources are not registered: " + source.id());
        }
        Stored stored = new Stored(source.id(), kind, url, fileName, source.scope().id(), record.title(),
                record.state(), record.added(), record.lastFetched().orElse(null), record.problem().orElse(null));
        try {
            AtomicFiles.write(file(record.id()), json.writeValueAsBytes(stored));
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
            Stored s = json.readValue(Files.readAllBytes(file), Stored.class);
            SourceKind kind = switch (s.kind()) {
                case "page" -> new SourceKind.WebPage(URI.create(s.url()));
                case "feed" -> new SourceKind.Feed(URI.create(s.url()));
                case "upload" -> new SourceKind.Upload(s.fileName());
                default -> throw new IOException("unknown source kind '" + s.kind() + "'");
            };
            return new SourceRecord(new Source(s.id(), kind, new Scope(s.scope())), s.title(), s.state(), s.added(),
                    Optional.ofNullable(s.lastFetched()), Optional.ofNullable(s.problem()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The source registry file " + file + " is damaged: " + e.getMessage()
                    + "; move it away to drop that source.", e);
        }
    }

    private Path file(String id) {
        return folder.resolve(Ids.checked(id) + ".json");
    }
}
