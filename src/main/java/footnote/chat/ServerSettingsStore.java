package footnote.chat;

/** Where each server's settings are kept. Implementations never return one server's settings for another. */
public interface ServerSettingsStore {

    /** The server's settings, or empty settings when it has none yet. */
    ServerSettings get(String serverId);

    /** Replaces the server's settings durably: after a crash they are either the old ones or the new ones. */
    void put(ServerSettings settings);
}
