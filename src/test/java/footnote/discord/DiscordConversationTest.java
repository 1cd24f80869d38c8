package footnote.discord;

import static footnote.testing.DiscordServers.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import footnote.chat.ServerSettings;
import footnote.conversation.ConversationKey;
import footnote.conversation.Conversations;
import footnote.corpus.Scope;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.discord.emulator.RecordedRequest;
import footnote.summary.Summarizer;
import footnote.testing.ChatIndex;
import footnote.testing.Fixtures;
import footnote.testing.LogLines;
import footnote.testing.ManualClock;
import footnote.testing.MemorySettingsStore;
import footnote.testing.Replies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversations in Discord, end to end with the real Javacord client against the emulator: where each one lives
 * (a thread opened on the question, replies to the bot's answers, a member's messages in an ask channel), that a
 * follow-up there is read in context, and that conversations never mix. The articles are two small made-up ones,
 * so that "where is it based?" has one right answer for each company.
 */
class DiscordConversationTest {

    private static final String TIDEWATER = "What is Tidewater Robotics?";
    private static final String QUILLFEATHER = "What does Quillfeather Drones make?";
    private static final String FOLLOW_UP = "Where is it based?";

    private static ChatIndex index;

    private final MemorySettingsStore settings = new MemorySettingsStore();
    private Conversations conversations = Fixtures.conversations();
    private DiscordEmulator emulator;
    private DiscordBot bot;

    @BeforeAll
    static void buildIndex() throws Exception {
        index = ChatIndex.of("discord-conversations", Scope.GLOBAL,
                List.of("discord/conversations/tidewater.md", "discord/conversations/quillfeather.md"));
    }

    @AfterAll
    static void closeIndex() throws Exception {
        index.close();
    }

    private void start() {
        emulator = DiscordEmulator.start();
        testServer(emulator).textChannel(ASK_HERE, "ask-here");
        otherServer(emulator);
        emulator.prepareJavacord();
        bot = new DiscordBot(index.chat(settings, conversations, Summarizer.none()), settings,
                new Throttle(20, 8, Clock.systemUTC()), Executors.newFixedThreadPool(2), List.of(), true);
        bot.start(DiscordEmulator.TOKEN, emulator.connection());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (emulator != null) {
            assertThat(emulator.violations()).as("requests that break Discord's API or limits").isEmpty();
            emulator.close();
        }
    }

    // --- helpers ---

    private String mention() {
        return "<@" + emulator.botUserId() + "> ";
    }

    private JsonNode botMessageIn(long channel, String replyingTo) {
        return emulator.awaitMessageIn(channel, m -> emulator.byBot(m)
                && m.path("message_reference").path("message_id").asText().equals(replyingTo));
    }

    /** The bot's answer in a thread, the {@code n}th (1 for the first). */
    private JsonNode botMessageInThread(long thread, int n) {
        return emulator.awaitMessageIn(thread, m -> emulator.byBot(m)
                && emulator.messagesIn(thread).stream().filter(emulator::byBot).toList().indexOf(m) == n - 1);
    }

    private static String content(JsonNode message) {
        return message.path("content").asText();
    }

    /**
     * Waits until the bot has done what the emulator cannot see: linked an answer to its conversation, or moved a
     * conversation into the thread it opened. Both follow Discord's answer to the bot's request, which the test may
     * see first.
     */
    private static void awaitBot(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DiscordEmulator.WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot never " + what);
            }
            Thread.sleep(10);
        }
    }

    private void awaitLinked(String server, JsonNode answer) throws InterruptedException {
        awaitBot(() -> conversations.linked(Optional.of(server), answer.path("id").asText()).isPresent(),
                "linked its answer " + answer.path("id").asText());
    }

    private static void assertReadAs(String reply, String reading, String quoted) {
        assertThat(Replies.readingAs(reply)).as("how the follow-up was read").contains(reading);
        assertThat(Replies.firstQuote(reply)).as("the first quote").hasValueSatisfying(q -> assertThat(q)
                .contains(quoted));
    }

    private void replyMode(long server) {
        settings.put(ServerSettings.empty(String.valueOf(server)).withAnswersIn(ServerSettings.AnswersIn.REPLY));
    }

    private void askChannels() {
        settings.put(ServerSettings.empty(String.valueOf(GUILD)).withAskChannel(String.valueOf(ASK_HERE), true));
        settings.put(ServerSettings.empty(String.valueOf(OTHER_GUILD))
                .withAskChannel(String.valueOf(OTHER_CHANNEL), true));
    }

    // --- threads ---

    @Test
    void a_mention_opens_a_thread_on_it_and_a_message_there_is_a_follow_up_answered_in_context() {
        start();
        long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);

        RecordedRequest opened = emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages/" + asked
                + "/threads", r -> r.status() == 201);
        JsonNode first = botMessageInThread(asked, 1);
        emulator.postMessage(GUILD, asked, ALICE, FOLLOW_UP);
        JsonNode second = botMessageInThread(asked, 2);

        assertThat(opened.body().path("name").asText()).isEqualTo(TIDEWATER);
        assertThat(opened.body().path("auto_archive_duration").asInt()).isEqualTo(1440);
        assertThat(emulator.threadsIn(GENERAL)).singleElement().satisfies(thread -> {
            assertThat(thread.path("owner_id").asLong()).isEqualTo(emulator.botUserId());
            assertThat(thread.path("id").asLong()).isEqualTo(asked);
        });
        assertThat(first.has("message_reference")).as("a plain message in the thread").isFalse();
        assertThat(Replies.readingAs(content(first))).isEmpty();
        assertThat(content(first)).contains("Tidewater Robotics");
        assertReadAs(content(second), "Where is Tidewater Robotics based?", "Port Avel");
        assertThat(emulator.messagesIn(GENERAL)).noneMatch(emulator::byBot);
    }

    @Test
    void ask_opens_a_thread_on_its_answer_where_anyone_follows_up_in_context() throws InterruptedException {
        start();
        Interaction interaction = emulator.slashCommand(GUILD, GENERAL, ALICE, "ask", Map.of("question", QUILLFEATHER));
        emulator.awaitDeferredResponse(interaction);
        long answer = emulator.interactionMessages(interaction).get(0).path("id").asLong();

        RecordedRequest opened = emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages/" + answer
                + "/threads", r -> r.status() == 201);
        ConversationKey thread = ConversationKey.thread(String.valueOf(GUILD), String.valueOf(answer));
        awaitBot(() -> conversations.live(thread), "moved the conversation into its thread");
        emulator.postMessage(GUILD, answer, BOB, FOLLOW_UP);
        String followUp = content(botMessageInThread(answer, 1));
        Interaction inThread = emulator.slashCommand(GUILD, answer, ALICE, "ask", Map.of("question", "who started it?"));
        String asked = emulator.awaitDeferredContent(inThread, c -> true);

        assertThat(opened.body().path("name").asText()).isEqualTo(QUILLFEATHER);
        assertReadAs(followUp, "Where is Quillfeather Drones based?", "Kestrel Bay");
        assertThat(Replies.readingAs(asked)).contains("who started Quillfeather Drones?");
        assertThat(emulator.threadsIn(GENERAL)).as("no thread in the thread").hasSize(1);
    }

    @Test
    void a_thread_name_is_the_question_without_mentions_or_markup_within_discords_limit() {
        start();
        String question = "**Who** started <@" + BOB + "> @everyone Tidewater Robotics " + "and why ".repeat(30) + "?";
        long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + question);

        String name = emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages/" + asked + "/threads",
                r -> r.status() == 201).body().path("name").asText();

        assertThat(name).startsWith("Who started Tidewater Robotics and why").endsWith("…")
                .doesNotContain("<@", "**", "everyone");
        assertThat(name.length()).isLessThanOrEqualTo(100);
    }

    // --- replies ---

    @Test
    void in_reply_mode_a_reply_to_an_answer_is_a_follow_up_answered_in_context() throws InterruptedException {
        replyMode(GUILD);
        start();
        long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);
        JsonNode answer = botMessageIn(GENERAL, String.valueOf(asked));
        awaitLinked(String.valueOf(GUILD), answer);

        long followUp = emulator.postReply(GUILD, GENERAL, ALICE, FOLLOW_UP, answer.path("id").asLong(), false);
        JsonNode second = botMessageIn(GENERAL, String.valueOf(followUp));
        awaitLinked(String.valueOf(GUILD), second);
        long again = emulator.postReply(GUILD, GENERAL, BOB, "who started it?", second.path("id").asLong(), true);
        String third = content(botMessageIn(GENERAL, String.valueOf(again)));

        assertReadAs(content(second), "Where is Tidewater Robotics based?", "Port Avel");
        assertThat(Replies.readingAs(third)).contains("who started Tidewater Robotics?");
        assertThat(emulator.threadsIn(GENERAL)).isEmpty();
    }

    @Test
    void a_moderator_switches_answers_to_replies_and_a_member_may_not() {
        start();

        JsonNode byAlice = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "settings",
                "answers", Map.of("in", "reply")));
        JsonNode byBob = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, BOB, "settings",
                "answers", Map.of("in", "reply")));
        long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);
        JsonNode answer = botMessageIn(GENERAL, String.valueOf(asked));

        assertThat(byAlice.path("flags").asInt() & 64).as("ephemeral").isNotZero();
        assertThat(byAlice.path("content").asText()).startsWith("Only moderators");
        assertThat(byBob.path("flags").asInt() & 64).as("ephemeral").isNotZero();
        assertThat(byBob.path("content").asText()).startsWith("Answers now come as a reply to the question")
                .contains("\nAnswers come as a reply");
        assertThat(settings.get(String.valueOf(GUILD)).answersIn()).isEqualTo(ServerSettings.AnswersIn.REPLY);
        assertThat(settings.get(String.valueOf(OTHER_GUILD)).answersIn()).isEqualTo(ServerSettings.AnswersIn.THREAD);
        assertThat(content(answer)).contains("Tidewater Robotics");
        assertThat(emulator.requests()).noneMatch(r -> r.path().endsWith("/threads"));
    }

    // --- where the bot may not open a thread ---

    @Test
    void without_permission_to_open_threads_the_answer_is_a_reply_that_carries_the_conversation()
            throws InterruptedException {
        start();
        emulator.guild(GUILD).role(GUILD, "@everyone",
                DiscordEmulator.DEFAULT_EVERYONE_PERMISSIONS & ~DiscordEmulator.CREATE_PUBLIC_THREADS);
        // Javacord handles gateway events in order: the role's change is in its cache before the question.
        long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);
        JsonNode answer = botMessageIn(GENERAL, String.valueOf(asked));
        awaitLinked(String.valueOf(GUILD), answer);
        long followUp = emulator.postReply(GUILD, GENERAL, ALICE, FOLLOW_UP, answer.path("id").asLong(), true);

        assertReadAs(content(botMessageIn(GENERAL, String.valueOf(followUp))), "Where is Tidewater Robotics based?",
                "Port Avel");
        assertThat(emulator.requests()).noneMatch(r -> r.path().endsWith("/threads"));
    }

    @Test
    void when_discord_refuses_the_thread_the_answer_is_a_reply_and_one_line_is_logged() {
        // Every line the bot's Discord side writes, at any level (the tests' configuration logs nothing).
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        List<ILoggingEvent> lines = LogLines.during("footnote.discord", () -> {
            start();
            emulator.respondNext("POST", "/channels/\\d+/messages/\\d+/threads", 403, Map.of(),
                    "{\"message\": \"Missing Permissions\", \"code\": 50013}");
            long asked = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);
            answer.set(botMessageIn(GENERAL, String.valueOf(asked)));
        });

        assertThat(content(answer.get())).contains("Tidewater Robotics").doesNotContain("thread", "permission");
        assertThat(emulator.threadsIn(GENERAL)).isEmpty();
        assertThat(lines).filteredOn(line -> !line.getLoggerName().contains(".emulator"))
                .filteredOn(line -> !line.getFormattedMessage().startsWith("Connected to Discord"))
                .singleElement().satisfies(line -> {
                    assertThat(line.getLoggerName()).isEqualTo(AnswerThreads.class.getName());
                    assertThat(line.getLevel()).isEqualTo(Level.INFO);
                    assertThat(line.getFormattedMessage()).contains("answering with a reply").doesNotContain("\n");
                });
    }

    // --- ask channels, servers, expiry ---

    @Test
    void in_an_ask_channel_each_members_conversation_is_their_own() {
        askChannels();
        start();
        long alice = emulator.postMessage(GUILD, ASK_HERE, ALICE, TIDEWATER);
        botMessageIn(ASK_HERE, String.valueOf(alice));
        long bob = emulator.postMessage(GUILD, ASK_HERE, BOB, QUILLFEATHER);
        botMessageIn(ASK_HERE, String.valueOf(bob));

        long aliceAgain = emulator.postMessage(GUILD, ASK_HERE, ALICE, FOLLOW_UP);
        String toAlice = content(botMessageIn(ASK_HERE, String.valueOf(aliceAgain)));
        long bobAgain = emulator.postMessage(GUILD, ASK_HERE, BOB, FOLLOW_UP);
        String toBob = content(botMessageIn(ASK_HERE, String.valueOf(bobAgain)));

        assertReadAs(toAlice, "Where is Tidewater Robotics based?", "Port Avel");
        assertReadAs(toBob, "Where is Quillfeather Drones based?", "Kestrel Bay");
        assertThat(emulator.threadsIn(ASK_HERE)).as("answers in an ask channel are replies").isEmpty();
    }

    @Test
    void one_members_conversations_in_two_servers_do_not_mix() {
        askChannels();
        start();
        long here = emulator.postMessage(GUILD, ASK_HERE, ALICE, TIDEWATER);
        botMessageIn(ASK_HERE, String.valueOf(here));
        long there = emulator.postMessage(OTHER_GUILD, OTHER_CHANNEL, ALICE, QUILLFEATHER);
        botMessageIn(OTHER_CHANNEL, String.valueOf(there));

        long thereAgain = emulator.postMessage(OTHER_GUILD, OTHER_CHANNEL, ALICE, FOLLOW_UP);
        String inOther = content(botMessageIn(OTHER_CHANNEL, String.valueOf(thereAgain)));
        long hereAgain = emulator.postMessage(GUILD, ASK_HERE, ALICE, FOLLOW_UP);
        String inFirst = content(botMessageIn(ASK_HERE, String.valueOf(hereAgain)));

        assertReadAs(inOther, "Where is Quillfeather Drones based?", "Kestrel Bay");
        assertReadAs(inFirst, "Where is Tidewater Robotics based?", "Port Avel");
    }

    @Test
    void once_a_conversation_expired_a_follow_up_in_its_thread_or_a_reply_to_its_answer_is_asked_alone()
            throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        conversations = new Conversations(clock, Duration.ofMinutes(10), 3, 1_000);
        replyMode(OTHER_GUILD);
        start();
        long inThread = emulator.postMessage(GUILD, GENERAL, ALICE, mention() + TIDEWATER);
        botMessageInThread(inThread, 1);
        long replied = emulator.postMessage(OTHER_GUILD, OTHER_CHANNEL, ALICE, mention() + TIDEWATER);
        JsonNode answer = botMessageIn(OTHER_CHANNEL, String.valueOf(replied));
        awaitLinked(String.valueOf(OTHER_GUILD), answer);

        clock.advance(Duration.ofMinutes(11));
        emulator.postMessage(GUILD, inThread, ALICE, FOLLOW_UP);
        String threadAnswer = content(botMessageInThread(inThread, 2));
        long reply = emulator.postReply(OTHER_GUILD, OTHER_CHANNEL, ALICE, FOLLOW_UP, answer.path("id").asLong(),
                false);
        String replyAnswer = content(botMessageIn(OTHER_CHANNEL, String.valueOf(reply)));

        assertThat(Replies.readingAs(threadAnswer)).as("still answered in the bot's thread, alone").isEmpty();
        assertThat(Replies.readingAs(replyAnswer)).as("a new conversation").isEmpty();
        assertThat(conversations.recent(ConversationKey.replies(String.valueOf(OTHER_GUILD), String.valueOf(reply))))
                .as("the reply started it").hasSize(1);
    }
}
