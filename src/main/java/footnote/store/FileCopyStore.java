package footnote.store;

import footnote.ingest.CopyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copies as files, {@code <folder>/<source id>/<article id>.md}, each written atomically. Thread-safe. */
public final class FileCopyStore implements CopyStore {

    private static final String SUFFIX = ".md";

    private final Path folder;

    public FileCopyStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void write(String sourceId, String articleId, String articleText) {
        try {
            AtomicFiles.write(file(sourceId, articleId), articleText.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Saving the copy of " + articleId, e);
        }
    }

    @Override
    public List<String> articleIds(String sourceId) {
        Path dir = folder.resolve(Ids.checked(sourceId));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the copies of " + sourceId, e);
        }
    }

    @Override
    public String read(String sourceId, String articleId) throws IOException {
        return Files.readString(file(sourceId, articleId), StandardCharsets.UTF_8);
    }

    @Override
    public void deleteAll(String sourceId) {
        Path dir = folder.resolve(Ids.checked(sourceId));
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting the copies of " + sourceId, e);
        }
    }

    @Override
    public List<String> sourceIds() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Listing " + folder, e);
        }
    }

    private Path file(String sourceId, String articleId) {
        return folder.resolve(Ids.checked(sourceId)).resolve(Ids.checked(articleId) + SUFFIX);
    }
}
