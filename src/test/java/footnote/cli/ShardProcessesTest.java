package footnote.cli;

import static footnote.cli.TwoShards.CHANNEL0;
import static footnote.cli.TwoShards.CHANNEL1;
import static footnote.cli.TwoShards.SHARD0_SERVER;
import static footnote.cli.TwoShards.SHARD1_SERVER;
import static footnote.testing.DiscordServers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import footnote.discord.emulator.DiscordEmulator;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real bot processes, {@code footnote run --discord} in JVMs of their own as shards 0 and 1 of 2, sharing a
 * SolrCloud cluster, against the Discord emulator. They reach the emulator as they would reach Discord: through
 * the standard proxy settings and a trust store that holds the emulator's certificate; everything on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardProcessesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private MiniSolrCloudCluster nodes;
    private WebServer web;
    private DiscordEmulator discord;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        nodes = new MiniSolrCloudCluster.Builder(2, dir.resolve("cluster")).withTraceIdGenerationDisabled().build();
        web = WebServer.start();
        discord = DiscordEmulator.start();
        discord.guild(SHARD0_SERVER, "Shard zero server", ALICE).textChannel(CHANNEL0, "general").member(ALICE, "alice");
        discord.guild(SHARD1_SERVER, "Shard one server", ALICE).textChannel(CHANNEL1, "general").member(ALICE, "alice");
        discord.prepareJavacord(); // writes the trust store the processes are given
        Path configA = config("a", 0);
        assertThat(Main.execute("solr", "create", "--config", configA.toString())).isZero();
        processes.add(launch("a", configA));
        processes.add(launch("b", config("b", 1)));
        discord.awaitShardConnected(0, WAIT);
        discord.awaitShardConnected(1, WAIT);
        // Connected is not yet listening: each process says when its listeners are in place.
        for (String name : List.of("a", "b")) {
            awaitLine(dir.resolve(name + ".log"), "answering in Discord");
        }
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(log + " never said '" + text + "':\n"
                        + (Files.exists(log) ? Files.readString(log) : "(no output)"));
            }
            Thread.sleep(100);
        }
    }

    private Path config(String name, int shard) throws Exception {
        return TwoShards.settings(dir, name, nodes, web.port(), shard);
    }

    /** {@code java -cp <this test's class path> footnote.cli.Main run --discord}, Discord reached via the emulator. */
    private Process launch(String name, Path config) throws Exception {
        InetSocketAddress proxy = (InetSocketAddress) discord.proxySelector().select(URI.create("https://discord.com"))
                .get(0).address();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.getPort(),
                "-Dhttp.nonProxyHosts=127.0.0.1|localhost"));
        for (String key : List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
                "javax.net.ssl.trustStorePassword")) {
            command.add("-D" + key + "=" + System.getProperty(key));
        }
        command.addAll(List.of("footnote.cli.Main", "run", "--discord", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("DISCORD_TOKEN", DiscordEmulator.TOKEN);
        return builder.start();
    }

    @AfterAll
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
            process.waitFor();
        }
        if (web != null) {
            web.close();
        }
        TwoShards.stopShared(discord, nodes);
    }

    private String answer(long server, long channel, String question) {
        return TwoShards.answer(discord, server, channel, ALICE, question, WAIT);
    }

    @Test
    @Order(1)
    void each_process_answers_its_own_shards_servers_and_commands_are_registered_once() {
        assertThat(answer(SHARD0_SERVER, CHANNEL0, "Who sat at the table with Jack Ma?")).contains("Jack Ma");
        assertThat(answer(SHARD1_SERVER, CHANNEL1, "Who sat at the table with Jack Ma?")).contains("Jack Ma");

        assertThat(discord.dispatchesTo(0)).noneMatch(d -> TwoShards.isInteractionIn(d, SHARD1_SERVER));
        assertThat(discord.dispatchesTo(1)).noneMatch(d -> TwoShards.isInteractionIn(d, SHARD0_SERVER));
        assertThat(TwoShards.commandRegistrations(discord)).isEqualTo(1);
        assertThat(processes).allMatch(Process::isAlive);
    }

    @Test
    @Order(2)
    void a_source_one_adds_the_other_answers_from_at_once() throws Exception {
        web.serve("/zebras.html", Page.of("text/html", WebFixtures.article("Zebras of the northern plain",
                "Jane Doe", "https://example.org/zebras",
                "A herd of four hundred zebras crossed the northern plain in March, led by an old mare called Tamu.",
                "Rangers counted the zebras from a light aircraft and found that the herd had doubled since 2019.")));

        // The operator's command line: a third process, on the same settings as process a.
        assertThat(Main.execute("sources", "add", web.url("/zebras.html").toString(), "--config",
                dir.resolve("a.yaml").toString())).isZero();

        assertThat(answer(SHARD1_SERVER, CHANNEL1, "Who led the zebra herd across the northern plain?"))
                .contains("Tamu");
        assertThat(answer(SHARD0_SERVER, CHANNEL0, "Who led the zebra herd across the northern plain?"))
                .contains("Tamu");
    }

    @Test
    @Order(3)
    void when_the_leading_process_stops_the_other_registers_the_commands() throws Exception {
        Process leader = leader();
        long registrations = commandRegistrations();

        leader.destroy(); // SIGTERM: the shutdown hook closes the app and gives the lease up
        assertThat(leader.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (commandRegistrations() == registrations && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(commandRegistrations()).isEqualTo(registrations + 1);
        Process follower = processes.stream().filter(p -> p != leader).findFirst().orElseThrow();
        assertThat(follower.isAlive()).isTrue();
    }

    @Test
    @Order(4)
    void neither_process_ever_writes_the_token() throws Exception {
        String output = Files.readString(dir.resolve("a.log")) + Files.readString(dir.resolve("b.log"));

        assertThat(output).contains("answering in Discord").doesNotContain(DiscordEmulator.TOKEN);
    }

    /** The process named in the deployment lease, which the leading process holds. */
    private Process leader() throws Exception {
        List<String> urls = nodes.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();
        try (var client = new org.apache.solr.client.solrj.impl.CloudHttp2SolrClient.Builder(urls).build()) {
            String owner = (String) client.getById("footnote_state", "lease/deployment").getFirstValue("body");
            return processes.stream().filter(p -> owner.contains("/" + p.pid() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError("no process holds the lease: " + owner));
        }
    }

    private long commandRegistrations() {
        return TwoShards.commandRegistrations(discord);
    }
}
