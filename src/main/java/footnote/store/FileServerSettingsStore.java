package footnote.store;

import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each server's settings in its own JSON file, {@code <folder>/<server id>.json}, written atomically. A server id
 * must be a Discord id (digits), so no id can name a path outside the folder. Thread-safe; reads are cached.
 */
public final class FileServerSettingsStore implements ServerSettingsStore {

    private final Path folder;
    private final Records records = new Records();
    private final Map<String, ServerSettings> cache = new ConcurrentHashMap<>();

    public FileServerSettingsStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public ServerSettings get(String serverId) {
        return cache.computeIfAbsent(Records.serverId(serverId), this::read);
    }

    @Override
    public void put(ServerSettings settings) {
        String id = Records.serverId(settings.serverId());
        try {
            byte[] bytes = records.settings(settings);
            synchronized (this) {
                AtomicFiles.write(file(id), bytes);
                cache.put(id, settings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Saving the settings of server " + id, e);
        }
    }

    private ServerSettings read(String serverId) {
        try {
            return records.settings(serverId, Files.readAllBytes(file(serverId)));
        } catch (NoSuchFileException e) {
            return ServerSettings.empty(serverId);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the settings of server " + serverId + " from " + file(serverId), e);
        }
    }

    private Path file(String serverId) {
        return folder.resolve(serverId + ".json");
    }
}
