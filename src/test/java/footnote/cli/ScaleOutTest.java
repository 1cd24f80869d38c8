package footnote.cli;

import static footnote.cli.TwoShards.CHANNEL0;
import static footnote.cli.TwoShards.CHANNEL1;
import static footnote.cli.TwoShards.SHARD0_SERVER;
import static footnote.cli.TwoShards.SHARD1_SERVER;
import static footnote.discord.emulator.DiscordEmulator.WAIT;
import static footnote.testing.DiscordServers.ALICE;
import static footnote.testing.DiscordServers.BOB;
import static footnote.testing.DiscordServers.MANAGERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import footnote.chat.CommandParser;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.config.ConfigLoader;
import footnote.corpus.Scope;
import footnote.corpus.SourceStatus;
import footnote.discord.DiscordBot;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.testing.Fixtures;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Two bot processes, shards 0 and 1 of 2, sharing a SolrCloud backend, against the Discord emulator, plus the
 * operator's command line as a third. Each "process" is built as {@code footnote run} builds one (its own app,
 * Solr client, lease and Discord connection), in this JVM; they share only the cluster and the emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

    /** The moderators' channel of the shard-0 server, where its weekly digest goes. */
    private static final long MODS0 = 210;

    @TempDir
    static Path dir;

    private MiniSolrCloudCluster nodes;
    private WebServer web;
    private DiscordEmulator discord;
    private Path configA;
    private Path configB;
    private App appA;
    private App appB;
    private DiscordBot botA;
    private DiscordBot botB;

    @BeforeAll
    void start() throws Exception {
        nodes = new MiniSolrCloudCluster.Builder(2, dir.resolve("cluster")).withTraceIdGenerationDisabled().build();
        web = WebServer.start();
        discord = DiscordEmulator.start();
        discord.guild(SHARD0_SERVER, "Shard zero server", BOB)
                .role(MANAGERS_ROLE, "Managers", DiscordEmulator.MANAGE_GUILD)
                .textChannel(CHANNEL0, "general")
                .textChannel(MODS0, "mods")
                .member(ALICE, "alice")
                .member(BOB, "bob", MANAGERS_ROLE);
        discord.guild(SHARD1_SERVER, "Shard one server", BOB)
                .textChannel(CHANNEL1, "general")
                .member(ALICE, "alice");
        discord.prepareJavacord();
        configA = config("a", 0);
        configB = config("b", 1);

        assertThat(Main.execute("solr", "create", "--config", configA.toString())).isZero();

        appA = Startup.configured(new ConfigLoader().load(configA), false, false, new Terminal());
        botA = start(appA);
        appB = Startup.configured(new ConfigLoader().load(configB), false, false, new Terminal());
        botB = start(appB);
    }

    private Path config(String name, int shard) throws Exception {
        return TwoShards.settings(dir, name, nodes, web.port(), shard);
    }

    private DiscordBot start(App app) {
        DiscordBot bot = RunCommand.discordBot(app);
        bot.start(DiscordEmulator.TOKEN, discord.connection());
        return bot;
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {botA, botB, appA, appB, web}) {
            if (part != null) {
                part.close();
            }
        }
        TwoShards.stopShared(discord, nodes);
    }

    private String answer(long server, long channel, String question) {
        return TwoShards.answer(discord, server, channel, ALICE, question, WAIT);
    }

    private long commandRegistrations() {
        return TwoShards.commandRegistrations(discord);
    }

    @Test
    @Order(1)
    void each_process_answers_the_servers_of_its_own_shard_only() {
        String zero = answer(SHARD0_SERVER, CHANNEL0, "Who sat at the table with Jack Ma?");
        String one = answer(SHARD1_SERVER, CHANNEL1, "Who sat at the table with Jack Ma?");

        assertThat(zero).contains("Jack Ma");
        assertThat(one).contains("Jack Ma");
        assertThat(discord.dispatchesTo(0)).anyMatch(d -> TwoShards.isInteractionIn(d, SHARD0_SERVER))
                .noneMatch(d -> TwoShards.isInteractionIn(d, SHARD1_SERVER));
        assertThat(discord.dispatchesTo(1)).anyMatch(d -> TwoShards.isInteractionIn(d, SHARD1_SERVER))
                .noneMatch(d -> TwoShards.isInteractionIn(d, SHARD0_SERVER));
    }

    @Test
    @Order(2)
    void the_slash_commands_are_registered_once_for_the_deployment() {
        assertThat(discord.identifiedShards()).containsExactlyInAnyOrder(new DiscordEmulator.Shard(0, 2),
                new DiscordEmulator.Shard(1, 2));
        assertThat(commandRegistrations()).isEqualTo(1);
        assertThat(appA.storage.leadership().leads()).isNotEqualTo(appB.storage.leadership().leads());
    }

    @Test
    @Order(3)
    void a_source_added_through_one_process_is_answered_from_by_the_others() {
        web.serve("/zebras.html", Page.of("text/html", WebFixtures.article("Zebras of the northern plain",
                "Jane Doe", "https://example.org/zebras",
                "A herd of four hundred zebras crossed the northern plain in March, led by an old mare called Tamu.",
                "Rangers counted the zebras from a light aircraft and found that the herd had doubled since 2019.")));

        // The operator adds a source for every server at process A's terminal.
        Reply added = appA.chat.handle(CommandParser.parse("sources add " + web.url("/zebras.html")),
                Context.terminal());
        assertThat(added).isInstanceOfSatisfying(Reply.SourceChanged.class, c -> assertThat(c.change().done())
                .as(String.valueOf(c.change())).isTrue());

        // Process B, which never saw the command, answers its server from it at once.
        assertThat(answer(SHARD1_SERVER, CHANNEL1, "Who led the zebra herd across the northern plain?"))
                .contains("Tamu", "Zebras of the northern plain");
        assertThat(answer(SHARD0_SERVER, CHANNEL0, "Who led the zebra herd across the northern plain?"))
                .contains("Tamu");
    }

    @Test
    @Order(4)
    void a_moderators_source_in_one_process_is_listed_by_the_other_for_that_server_only() {
        web.serve("/otters.html", Page.of("text/html", WebFixtures.article("Otters return to the estuary", "Jane Doe",
                "https://example.org/otters", WebFixtures.prose("otters", 1), WebFixtures.prose("otters", 2))));
        Interaction add = discord.slashCommand(SHARD0_SERVER, CHANNEL0, BOB, "sources", "add",
                Map.of("url", web.url("/otters.html").toString()));
        assertThat(discord.awaitInteractionResponse(add, c -> c.startsWith("Added"), WAIT))
                .contains("Otters return to the estuary");

        List<SourceStatus> seenByB = appB.sources.list(Set.of(Scope.server(String.valueOf(SHARD0_SERVER))));
        List<SourceStatus> otherServer = appB.sources.list(Set.of(Scope.server(String.valueOf(SHARD1_SERVER))));

        assertThat(seenByB).anyMatch(s -> s.title().equals("Otters return to the estuary"));
        assertThat(otherServer).noneMatch(s -> s.title().equals("Otters return to the estuary"));
    }

    @Test
    @Order(5)
    void feeds_are_polled_by_one_process_only() {
        web.serve("/feed.xml", Page.of("application/rss+xml", WebFixtures.rss("Harbour news",
                List.<String[]>of(new String[] {"ferry-1", web.url("/ferry.html").toString(), "Night ferry"}))));
        web.serve("/ferry.html", Page.of("text/html", WebFixtures.article("Night ferry", "Jane Doe",
                "https://example.org/ferry", WebFixtures.prose("ferries", 1), WebFixtures.prose("ferries", 2))));
        assertThat(Main.execute("sources", "add", web.url("/feed.xml").toString(), "--config",
                configA.toString())).isZero();
        int before = web.hits("/feed.xml");

        boolean polledA = FeedPolling.poll(appA);
        boolean polledB = FeedPolling.poll(appB);
        appA.sources.awaitIdle();
        appB.sources.awaitIdle();

        assertThat(polledA).isNotEqualTo(polledB);
        assertThat(web.hits("/feed.xml") - before).isEqualTo(1);
    }

    @Test
    @Order(6)
    void the_weekly_digest_is_posted_once_by_the_deployment_and_never_again_after_a_restart() {
        Interaction set = discord.slashCommand(SHARD0_SERVER, CHANNEL0, BOB, "settings", "digest",
                Map.of("channel", new DiscordEmulator.OptionValue(7, MODS0)));
        assertThat(discord.awaitImmediateResponse(set).path("content").asText()).contains("<#" + MODS0 + ">");

        // Both processes check, as their hourly schedules would; only shard 0's can reach the server's channels.
        int posted = botB.postDueDigests() + botA.postDueDigests() + botB.postDueDigests();
        botA.close();
        discord.prepareJavacord();
        botA = start(appA);
        int afterRestart = botA.postDueDigests() + botB.postDueDigests();

        assertThat(posted).isEqualTo(1);
        assertThat(afterRestart).as("the week is claimed in the settings SolrCloud keeps").isZero();
        List<JsonNode> digests = discord.messagesIn(MODS0).stream().filter(discord::byBot).toList();
        assertThat(digests).singleElement().satisfies(digest -> {
            // The questions asked so far in this server, recorded in the shared insights collection.
            assertThat(digest.path("content").asText()).startsWith("**Insights**").containsPattern("\\d+ questions?");
            assertThat(digest.path("attachments")).singleElement().satisfies(
                    a -> assertThat(a.path("filename").asText()).isEqualTo("insights.png"));
            assertThat(digest.path("mentions")).isEmpty();
        });
    }

    @Test
    @Order(50)
    void bench_and_eval_measure_the_solr_backend_in_collections_of_their_own() throws Exception {
        Path squad = BenchCommandTest.squadStandIn(dir.resolve("bench"));
        Path report = dir.resolve("bench/solr.md");
        PrintStream realOut = System.out;
        ByteArrayOutputStream evalOut = new ByteArrayOutputStream();
        int bench;
        int eval;
        try {
            bench = Main.execute("bench", "--backend", "solr", "--corpora", "40", "--squad", squad.toString(),
                    "--questions", "20", "--warm-up", "20", "--askers", "1,2", "--no-startup",
                    "--work", dir.resolve("bench/work").toString(), "--out", report.toString(),
                    "--config", configA.toString());
            System.setOut(new PrintStream(evalOut, true, StandardCharsets.UTF_8));
            eval = Main.execute("eval", "--backend", "solr", "--articles", Fixtures.resourcePath("eval/articles")
                    .toString(), Fixtures.resourcePath("eval/questions.jsonl").toString(), "--config",
                    configA.toString());
        } finally {
            System.setOut(realOut);
        }

        assertThat(bench).isZero();
        assertThat(Files.readString(report)).contains("Backend: SolrCloud at [")
                .containsPattern("\\| 40 \\| (3\\d|40) \\| 20 \\|( [\\d.]+ \\|){13}\n");
        assertThat(eval).isZero();
        assertThat(evalOut.toString(StandardCharsets.UTF_8)).containsPattern("hit@1=\\d\\.\\d\\d");
        // The deployment's own passages were not touched: the bundled articles still answer.
        assertThat(answer(SHARD1_SERVER, CHANNEL1, "Who sat at the table with Jack Ma?")).contains("Jack Ma");
    }

    @Test
    @Order(99)
    void when_the_leading_process_stops_the_other_takes_over_its_once_only_work() throws Exception {
        App leader = appA.storage.leadership().leads() ? appA : appB;
        App follower = leader == appA ? appB : appA;
        DiscordBot leaderBot = leader == appA ? botA : botB;
        long registrations = commandRegistrations();

        leaderBot.close();
        leader.close();

        // The lease is given up on a clean stop; the follower takes it at its next try, a third of a term later.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((!follower.storage.leadership().leads() || commandRegistrations() == registrations)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(follower.storage.leadership().leads()).isTrue();
        assertThat(commandRegistrations()).as("the new leader registers the commands again").isEqualTo(
                registrations + 1);
        assertThat(FeedPolling.poll(follower)).isTrue();
    }
}
