package footnote.solr;

import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.store.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Each server's settings in the state collection, read by real-time get and never cached: after re-sharding
 * another process serves the server, and must see the settings as last written. Thread-safe.
 */
public final class SolrServerSettingsStore implements ServerSettingsStore {

    private static final String TYPE = "server";

    private final SolrState state;
    private final Records records = new Records();

    public SolrServerSettingsStore(SolrCluster cluster, String collection) {
        this.state = new SolrState(cluster, collection);
    }

    @Override
    public ServerSettings get(String serverId) {
        String id = Records.serverId(serverId);
        return state.body(TYPE, id, "reading the settings of server " + id).map(body -> {
            try {
                return records.settings(id, body.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("The settings of server " + id + " in SolrCloud are damaged", e);
            }
        }).orElseGet(() -> ServerSettings.empty(id));
    }

    @Override
    public void put(ServerSettings settings) {
        String id = Records.serverId(settings.serverId());
        String body = new String(records.settings(settings), StandardCharsets.UTF_8);
        state.put(SolrState.record(TYPE, id, body), "saving the settings of server " + id);
    }
}
