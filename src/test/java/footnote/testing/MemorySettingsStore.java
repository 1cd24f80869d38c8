package footnote.testing;

import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Server settings kept in memory, for tests that do not exercise the files. */
public final class MemorySettingsStore implements ServerSettingsStore {

    private final Map<String, ServerSettings> settings = new ConcurrentHashMap<>();

    @Override
    public ServerSettings get(String serverId) {
        return settings.getOrDefault(serverId, ServerSettings.empty(serverId));
    }

    @Override
    public void put(ServerSettings value) {
        settings.put(value.serverId(), value);
    }
}
