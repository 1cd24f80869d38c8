package footnote.discord;

import static footnote.testing.DiscordServers.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import footnote.deployment.Leadership;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.testing.InsightFixtures;
import footnote.testing.ManualClock;
import footnote.testing.MemoryInsightStore;
import footnote.testing.MemorySettingsStore;
import footnote.testing.TinyChat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly insights digest, end to end with the real Javacord client against the emulator: a moderator chooses
 * its channel, the lease holder posts the report there (with the chart) once a week, and neither a process that
 * does not lead, nor a restart, nor the hourly check run again posts the same week twice. Time is a manual clock;
 * the rounds the schedule runs every hour are run by hand.
 */
class DiscordDigestTest {

    private static final long MODS = 202;
    private static final String QUESTION = "How many robots danced at the gala?";

    private static TinyChat tiny;

    private final MemorySettingsStore settings = new MemorySettingsStore();
    private final MemoryInsightStore store = new MemoryInsightStore();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<DiscordBot> bots = new ArrayList<>();
    private DiscordEmulator emulator;

    @BeforeAll
    static void index() throws Exception {
        tiny = new TinyChat();
    }

    @AfterAll
    static void closeIndex() throws Exception {
        tiny.close();
    }

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.start();
        testServer(emulator).textChannel(MODS, "mods");
        emulator.prepareJavacord();
    }

    @AfterEach
    void stop() {
        bots.forEach(DiscordBot::close);
        assertThat(emulator.violations()).as("requests that break Discord's API or limits").isEmpty();
        emulator.close();
    }

    /** A bot process running every shard, sharing the settings and the store; one logged in at a time. */
    private DiscordBot bot(Leadership leadership) {
        return bot(leadership, DiscordBot.Sharding.single());
    }

    private DiscordBot bot(Leadership leadership, DiscordBot.Sharding sharding) {
        bots.forEach(DiscordBot::close);
        bots.clear();
        emulator.prepareJavacord();
        DiscordBot bot = new DiscordBot(tiny.chat(InsightFixtures.insights(store, Clock.systemUTC()), settings),
                settings, new Throttle(20, 8, Clock.systemUTC()), Executors.newFixedThreadPool(2), List.of(), true,
                sharding, leadership, clock);
        bots.add(bot);
        bot.start(DiscordEmulator.TOKEN, emulator.connection());
        return bot;
    }

    private static Leadership follower() {
        return new Leadership() {
            @Override
            public boolean leads() {
                return false;
            }

            @Override
            public void onLeading(Runnable action) {
                // never leads
            }

            @Override
            public void close() {}
        };
    }

    private List<JsonNode> digests() {
        return emulator.messagesIn(MODS).stream().filter(emulator::byBot).toList();
    }

    private String digestSetting(long member, Map<String, Object> options) {
        Interaction set = emulator.slashCommand(GUILD, GENERAL, member, "settings", "digest", options);
        return emulator.awaitImmediateResponse(set).path("content").asText();
    }

    private void askOnce() {
        Interaction ask = emulator.slashCommand(GUILD, GENERAL, ALICE, "ask", Map.of("question", QUESTION));
        emulator.awaitDeferredResponse(ask, r -> !r.body().path("components").isEmpty());
        store.await(r -> true, DiscordEmulator.WAIT);
    }

    @Test
    void a_moderator_chooses_the_digest_channel_a_member_may_not_and_leaving_it_out_stops_it() {
        bot(Leadership.alone());

        String refused = digestSetting(ALICE, Map.of("channel", new DiscordEmulator.OptionValue(7, MODS)));
        String set = digestSetting(BOB, Map.of("channel", new DiscordEmulator.OptionValue(7, MODS)));

        assertThat(refused).startsWith("Only moderators");
        assertThat(set).startsWith("The insights report of the last week now goes to <#" + MODS + "> once a week.")
                .contains("Weekly insights digest: <#" + MODS + ">");
        assertThat(settings.get(String.valueOf(GUILD)).digestChannel()).contains(String.valueOf(MODS));
        assertThat(digestSetting(BOB, Map.of())).startsWith("The weekly insights digest is off.");
        assertThat(settings.get(String.valueOf(GUILD)).digestChannel()).isEmpty();
    }

    @Test
    void the_lease_holder_posts_the_report_once_a_week_and_never_twice_after_a_restart() {
        DiscordBot leader = bot(Leadership.alone());
        askOnce();
        digestSetting(BOB, Map.of("channel", new DiscordEmulator.OptionValue(7, MODS)));

        assertThat(leader.postDueDigests()).as("the first at once").isEqualTo(1);
        assertThat(leader.postDueDigests()).as("the next hourly check").isZero();
        clock.advance(Duration.ofDays(6));
        DiscordBot restarted = bot(Leadership.alone());
        assertThat(restarted.postDueDigests()).as("restarted within the week").isZero();
        DiscordBot other = bot(follower());
        clock.advance(Duration.ofDays(1));
        assertThat(other.postDueDigests()).as("a process that does not lead").isZero();
        DiscordBot next = bot(Leadership.alone());
        assertThat(next.postDueDigests()).as("a week on").isEqualTo(1);

        assertThat(digests()).hasSize(2).allSatisfy(digest -> {
            assertThat(digest.path("content").asText()).startsWith("**Insights**").contains("1 question");
            assertThat(digest.path("attachments")).singleElement()
                    .satisfies(a -> assertThat(a.path("filename").asText()).isEqualTo("insights.png"));
            assertThat(digest.path("mentions")).isEmpty();
        });
        assertThat(settings.get(String.valueOf(GUILD)).digestPosted()).contains(clock.instant());
    }

    @Test
    void where_processes_split_the_shards_each_posts_for_its_own_servers_leading_or_not() {
        settings.put(settings.get(String.valueOf(GUILD)).withDigestChannel(Optional.of(String.valueOf(MODS))));
        // The test server's id, 100, is on shard 0 of 2: only a process running shard 0 can reach its channels.
        DiscordBot shardOne = bot(follower(), new DiscordBot.Sharding(2, List.of(1)));
        assertThat(shardOne.postDueDigests()).as("not its server").isZero();
        DiscordBot shardZero = bot(follower(), new DiscordBot.Sharding(2, List.of(0)));

        assertThat(shardZero.postDueDigests()).isEqualTo(1);
        assertThat(shardZero.postDueDigests()).isZero();
        assertThat(digests()).singleElement().satisfies(d -> assertThat(d.path("content").asText())
                .startsWith("**Insights** · No questions in the last 7 days."));
    }

    @Test
    void a_digest_channel_that_is_gone_costs_that_weeks_digest_and_nothing_else() {
        settings.put(settings.get(String.valueOf(GUILD)).withDigestChannel(Optional.of("999")));
        DiscordBot leader = bot(Leadership.alone());

        assertThat(leader.postDueDigests()).isZero();
        assertThat(settings.get(String.valueOf(GUILD)).digestPosted()).contains(clock.instant());
        assertThat(emulator.messagesIn(GENERAL)).isEmpty();
    }
}
