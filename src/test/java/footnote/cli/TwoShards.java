package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/** What the scale-out tests share: a deployment of two shards on SolrCloud, and asking it through Discord. */
final class TwoShards {

    /** (id >> 22) % 2 is 0 for the first server and 1 for the second. */
    static final long SHARD0_SERVER = 810000000000000001L;
    static final long SHARD1_SERVER = 811000000000000001L;
    /** The #general channel of each server. */
    static final long CHANNEL0 = 200;
    static final long CHANNEL1 = 201;

    private TwoShards() {}

    /** A process's settings file, {@code <dir>/<name>.yaml}: the cluster's nodes and this process's shard of 2. */
    static Path settings(Path dir, String name, MiniSolrCloudCluster nodes, int webPort, int shard) throws Exception {
        String urls = String.join(", ", nodes.getJettySolrRunners().stream()
                .map(j -> j.getBaseUrl().toString()).toList());
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                index:
                  path: %s
                  backend: solr
                  solr:
                    urls: [%s]
                    timeoutSeconds: 30
                sources:
                  bundled: [config/articles]
                fetch:
                  unsafeAllowPrivateAddresses: true
                  allowedPorts: [%d]
                discord:
                  totalShards: 2
                  shards: [%d]
                summary:
                  mode: none
                """.formatted(dir.resolve(name), urls, webPort, shard));
        return file;
    }

    /** A member's {@code /ask} in a server, and the answer's text. */
    static String answer(DiscordEmulator discord, long server, long channel, long member, String question,
            Duration wait) {
        Interaction ask = discord.slashCommand(server, channel, member, "ask", Map.of("question", question));
        return discord.awaitInteractionResponse(ask, c -> !c.isBlank(), wait);
    }

    static boolean isInteractionIn(JsonNode dispatch, long server) {
        return dispatch.path("t").asText().equals("INTERACTION_CREATE")
                && dispatch.path("d").path("guild_id").asText().equals(String.valueOf(server));
    }

    /**
     * Stops what both processes shared, after they have stopped: the emulator, checking that nothing either sent
     * broke Discord's API, then the cluster. Either may be null when start-up failed.
     */
    static void stopShared(DiscordEmulator discord, MiniSolrCloudCluster nodes) throws Exception {
        if (discord != null) {
            assertThat(discord.violations()).as("requests that break Discord's API or limits").isEmpty();
            discord.close();
        }
        if (nodes != null) {
            nodes.shutdown();
        }
    }

    static long commandRegistrations(DiscordEmulator discord) {
        return discord.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().matches("/applications/\\d+/commands")).count();
    }
}
