package footnote.discord;

import static footnote.testing.DiscordServers.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import footnote.chat.ChatService;
import footnote.chat.Context;
import footnote.chat.ServerSettings;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.discord.emulator.RecordedRequest;
import footnote.insights.InsightRecord;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import footnote.testing.InsightFixtures;
import footnote.testing.MemoryInsightStore;
import footnote.testing.MemorySettingsStore;
import footnote.testing.TinyChat;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback on answers and the insights report in Discord, end to end with the real Javacord client against the
 * emulator: the buttons under every answer, a press stored and acknowledged to the presser alone, the modal's
 * comment, {@code /insights} for moderators only and per server, {@code /insights forget}, and buttons on a
 * forgotten record. The store is in memory, so what it holds can be read whole.
 */
class DiscordFeedbackTest {

    private static final String QUESTION = "How many robots danced at the gala?";
    /** A member whose id is long enough that finding it in a stored record could not be chance. */
    private static final long ERIN = 987654321012345678L;
    private static final long OTHER_MANAGER = 14;

    private static TinyChat tiny;

    private final MemorySettingsStore settings = new MemorySettingsStore();
    private final MemoryInsightStore store = new MemoryInsightStore();
    private DiscordEmulator emulator;
    private ChatService chat;
    private DiscordBot bot;

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
        testServer(emulator).member(ERIN, "erin");
        otherServer(emulator).role(OTHER_MANAGERS_ROLE, "Managers", DiscordEmulator.MANAGE_GUILD)
                .member(OTHER_MANAGER, "olga", OTHER_MANAGERS_ROLE);
        emulator.prepareJavacord();
        chat = tiny.chat(InsightFixtures.insights(store, Clock.systemUTC()), settings);
        bot = new DiscordBot(chat, settings,
                new Throttle(20, 8, Clock.systemUTC()), Executors.newFixedThreadPool(2), List.of(), true);
        bot.start(DiscordEmulator.TOKEN, emulator.connection());
    }

    @AfterEach
    void stop() {
        bot.close();
        assertThat(emulator.violations()).as("requests that break Discord's API or limits").isEmpty();
        emulator.close();
    }

    // --- helpers ---

    /** Asks with {@code /ask} and returns the answer message, once it carries its buttons. */
    private JsonNode askAndAwaitAnswer(long guild, long channel, long member) {
        Interaction ask = emulator.slashCommand(guild, channel, member, "ask", Map.of("question", QUESTION));
        emulator.awaitDeferredResponse(ask, r -> !r.body().path("components").isEmpty());
        return emulator.interactionMessages(ask).get(0);
    }

    private static List<String> customIds(JsonNode message) {
        return message.path("components").findValues("custom_id").stream().map(JsonNode::asText).toList();
    }

    private static String recordId(JsonNode message) {
        return customIds(message).get(0).split(":")[1];
    }

    private InsightRecord awaitRecord(Predicate<InsightRecord> match) {
        return store.await(match, DiscordEmulator.WAIT);
    }

    private String ephemeral(Interaction interaction) {
        return emulator.awaitEphemeralResponse(interaction).path("content").asText();
    }

    // --- the buttons ---

    @Test
    void every_answer_carries_helpful_and_not_helpful_buttons_that_name_only_its_record() {
        JsonNode viaAsk = askAndAwaitAnswer(GUILD, GENERAL, ALICE);
        long mentioned = emulator.postMessage(GUILD, GENERAL, ERIN, "<@" + emulator.botUserId() + "> " + QUESTION);
        JsonNode inThread = emulator.awaitMessageIn(mentioned, m -> emulator.byBot(m)
                && !m.path("components").isEmpty());
        settings.put(ServerSettings.empty(String.valueOf(GUILD)).withAnswersIn(ServerSettings.AnswersIn.REPLY));
        long asked = emulator.postMessage(GUILD, GENERAL, ERIN, "<@" + emulator.botUserId() + "> " + QUESTION);
        JsonNode reply = emulator.awaitMessageIn(GENERAL, m -> emulator.byBot(m)
                && m.path("message_reference").path("message_id").asLong() == asked);

        for (JsonNode answer : List.of(viaAsk, inThread, reply)) {
            String record = recordId(answer);
            assertThat(customIds(answer)).containsExactly("vote:" + record + ":helpful",
                    "vote:" + record + ":not-helpful");
            assertThat(customIds(answer)).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(100)
                    .doesNotContain(String.valueOf(ERIN)).doesNotContain(String.valueOf(GUILD)));
            assertThat(answer.path("components").get(0).path("components")).extracting(b -> b.path("label").asText())
                    .containsExactly("Helpful", "Not helpful");
        }
        assertThat(List.of(recordId(viaAsk), recordId(inThread), recordId(reply))).doesNotHaveDuplicates();
        assertThat(emulator.requests()).filteredOn(r -> !r.body().path("components").isEmpty())
                .allSatisfy(r -> assertThat(r.body().path("allowed_mentions").path("parse").isEmpty()).isTrue());
    }

    @Test
    void a_press_is_stored_and_acknowledged_to_the_presser_alone_and_a_second_press_changes_the_vote() {
        JsonNode answer = askAndAwaitAnswer(GUILD, GENERAL, ALICE);
        String record = recordId(answer);

        Interaction first = emulator.pressButton(GUILD, answer.path("id").asLong(), ERIN, "vote:" + record
                + ":helpful");
        assertThat(ephemeral(first)).isEqualTo("Thanks: noted as helpful.");
        assertThat(awaitRecord(r -> r.id().equals(record)).count(Vote.HELPFUL)).isEqualTo(1);
        Interaction again = emulator.pressButton(GUILD, answer.path("id").asLong(), ERIN, "vote:" + record
                + ":helpful");
        assertThat(ephemeral(again)).isEqualTo("You had already voted helpful; nothing changed.");

        Interaction changed = emulator.pressButton(GUILD, answer.path("id").asLong(), ERIN, "vote:" + record
                + ":not-helpful");
        JsonNode modal = emulator.awaitModal(changed);

        InsightRecord stored = awaitRecord(r -> r.id().equals(record) && r.count(Vote.NOT_HELPFUL) == 1);
        assertThat(stored.count(Vote.HELPFUL)).as("the vote changed, not added").isZero();
        assertThat(modal.path("title").asText()).isEqualTo("What was wrong or missing?");
        JsonNode field = modal.path("components").get(0).path("components").get(0);
        assertThat(field.path("style").asInt()).as("a paragraph").isEqualTo(2);
        assertThat(field.path("required").asBoolean()).isFalse();
        assertThat(field.path("max_length").asInt()).isEqualTo(500);
        assertThat(emulator.messagesIn(GENERAL)).as("acknowledgements, each for the presser alone")
                .filteredOn(m -> m.path("content").asText().contains("voted") || m.path("content").asText()
                        .contains("noted")).hasSize(2).allSatisfy(m -> assertThat(m.path("flags").asInt() & 64)
                        .isEqualTo(64));
    }

    @Test
    void a_comment_in_the_modal_is_kept_with_the_vote_and_no_member_id_is_stored() {
        JsonNode answer = askAndAwaitAnswer(GUILD, GENERAL, ALICE);
        String record = recordId(answer);
        Interaction press = emulator.pressButton(GUILD, answer.path("id").asLong(), ERIN, "vote:" + record
                + ":not-helpful");
        emulator.awaitModal(press);

        Interaction submit = emulator.submitModal(press, Map.of("comment", "It was seventeen robots"));

        assertThat(ephemeral(submit)).isEqualTo("Thanks: your comment is kept with your vote.");
        InsightRecord stored = awaitRecord(r -> r.id().equals(record) && !r.comments().isEmpty());
        assertThat(stored.comments().values()).containsExactly("It was seventeen robots");
        assertThat(stored.count(Vote.NOT_HELPFUL)).isEqualTo(1);
        assertThat(store.all().toString()).doesNotContain(String.valueOf(ERIN)).doesNotContain("erin");
        Interaction empty = emulator.pressButton(GUILD, answer.path("id").asLong(), ALICE, "vote:" + record
                + ":not-helpful");
        emulator.awaitModal(empty);
        assertThat(ephemeral(emulator.submitModal(empty, Map.of()))).isEqualTo("Thanks: noted as not helpful.");
    }

    @Test
    void a_vote_naming_this_servers_record_from_another_servers_press_reaches_nothing() {
        String record = recordId(askAndAwaitAnswer(GUILD, GENERAL, ALICE));
        awaitRecord(r -> r.id().equals(record));

        // What Feedback does with a press: the server comes from the interaction, here the other server.
        VoteResult result = chat.vote(Context.server(settings.get(String.valueOf(OTHER_GUILD)), false),
                String.valueOf(ALICE), record, Vote.NOT_HELPFUL);

        assertThat(result).isEqualTo(VoteResult.EXPIRED);
        assertThat(awaitRecord(r -> r.id().equals(record)).votes()).isEmpty();
    }

    // --- /insights ---

    @Test
    void a_moderator_sees_the_report_privately_and_another_server_never_sees_this_servers_questions() {
        askAndAwaitAnswer(GUILD, GENERAL, ALICE);
        awaitRecord(r -> r.server().equals(String.valueOf(GUILD)));

        Interaction here = emulator.slashCommand(GUILD, GENERAL, BOB, "insights", "show", Map.of("days", 30L));
        RecordedRequest report = emulator.awaitDeferredResponse(here);
        Interaction there = emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, OTHER_MANAGER, "insights", "show",
                Map.of());
        String otherReport = emulator.awaitDeferredContent(there, c -> true);

        assertThat(emulator.awaitCallback(here).path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(report.body().path("content").asText()).startsWith("**Insights**").contains("1 question");
        assertThat(report.headers().get("content-type")).as("the chart goes along").startsWith("multipart/form-data");
        assertThat(emulator.interactionMessages(here).get(0).path("attachments")).singleElement()
                .satisfies(a -> assertThat(a.path("filename").asText()).isEqualTo("insights.png"))
                .satisfies(a -> assertThat(a.path("size").asInt()).isPositive());
        assertThat(otherReport).startsWith("**Insights**").doesNotContain("robots").contains("No questions in the last 7 days");
    }

    @Test
    void a_member_without_moderator_rights_is_refused_the_report_and_forget() {
        askAndAwaitAnswer(GUILD, GENERAL, ALICE);

        JsonNode shown = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "insights",
                "show", Map.of()));
        JsonNode forgotten = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE,
                "insights", "forget", Map.of()));

        for (JsonNode refusal : List.of(shown, forgotten)) {
            assertThat(refusal.path("flags").asInt() & 64).isEqualTo(64);
            assertThat(refusal.path("content").asText()).containsIgnoringCase("moderator");
        }
        assertThat(awaitRecord(r -> true).server()).isEqualTo(String.valueOf(GUILD));
    }

    @Test
    void forget_empties_the_servers_records_and_their_buttons_then_say_the_record_has_expired() {
        JsonNode answer = askAndAwaitAnswer(GUILD, GENERAL, ALICE);
        askAndAwaitAnswer(OTHER_GUILD, OTHER_CHANNEL, ALICE);
        String record = recordId(answer);
        awaitRecord(r -> r.server().equals(String.valueOf(OTHER_GUILD)));
        awaitRecord(r -> r.id().equals(record));

        JsonNode done = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, BOB, "insights",
                "forget", Map.of()));

        assertThat(done.path("content").asText()).startsWith("Deleted this server's 1 insight record");
        assertThat(done.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(store.all()).extracting(InsightRecord::server).containsExactly(String.valueOf(OTHER_GUILD));
        long message = answer.path("id").asLong();
        Interaction helpful = emulator.pressButton(GUILD, message, ERIN, "vote:" + record + ":helpful");
        Interaction notHelpful = emulator.pressButton(GUILD, message, ERIN, "vote:" + record + ":not-helpful");
        assertThat(ephemeral(helpful)).isEqualTo("This answer's record has expired, so the buttons no longer work.");
        assertThat(ephemeral(notHelpful)).as("no modal for a comment nobody would keep")
                .isEqualTo("This answer's record has expired, so the buttons no longer work.");
    }
}
