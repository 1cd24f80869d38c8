package footnote.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Each server's settings in its own JSON file, {@code <folder>/<server id>.json}, written atomically. A server id
 * must be a Discord id (digits), so no id can name a path outside the folder. Thread-safe; reads are cached.
 */
public final class FileServerSettingsStore implements ServerSettingsStore {

    private static final Pattern SERVER_ID = Pattern.compile("\\d{1,20}");

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, ServerSettings> cache = new ConcurrentHashMap<>();

    record Stored(@JsonProperty("moderatorRoles") List<String> moderatorRoles,
            @JsonProperty("askChannels") List<String> askChannels,
            @JsonProperty("showBundled") Boolean showBundled) {}

    public FileServerSettingsStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public ServerSettings get(String serverId) {
        return cache.computeIfAbsent(check(serverId), this::read);
    }

    @Override
    public void put(ServerSettings settings) {
        String id = check(settings.serverId());
        try {
            byte[] bytes = json.writeValueAsBytes(new Stored(settings.moderatorRoles().stream().sorted().toList(),
                    settings.askChannels().stream().sorted().toList(), settings.showBundled()));
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
            Stored stored = json.readValue(Files.readAllBytes(file(serverId)), Stored.class);
            return new ServerSettings(serverId, ids(stored.moderatorRoles()), ids(stored.askChannels()),
                    stored.showBundled() == null || stored.showBundled());
        } catch (NoSuchFileException e) {
            return ServerSettings.empty(serverId);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the settings of server " + serverId + " from " + file(serverId), e);
        }
    }

    private static Set<String> ids(List<String> ids) {
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    private Path file(String serverId) {
        return folder.resolve(serverId + ".json");
    }

    private static String check(String serverId) {
        if (!SERVER_ID.matcher(serverId).matches()) {
            throw new IllegalArgumentException("not a Discord server id: " + serverId);
        }
        return serverId;
    }
}
