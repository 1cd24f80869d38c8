package footnote.discord;

import static footnote.testing.DiscordServers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.chat.ChatService;
import footnote.chat.ServerSettings;
import footnote.corpus.Scope;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.discord.emulator.RecordedRequest;
import footnote.summary.Summarizer;
import footnote.summary.SummaryModel;
import footnote.testing.ChatIndex;
import footnote.testing.Fixtures;
import footnote.testing.LogLines;
import footnote.testing.MemorySettingsStore;
import footnote.testing.Replies;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Footnote's Discord side end to end: the real Javacord client logs in to the Discord emulator on 127.0.0.1, and
 * every request it sends is checked against Discord's OpenAPI description and message limits.
 */
class DiscordBotTest {

    private static ChatIndex index;

    private DiscordEmulator emulator;
    private DiscordBot bot;
    private final MemorySettingsStore settings = new MemorySettingsStore();
    private final ExecutorService summaryCalls = Executors.newFixedThreadPool(2);
    private Summarizer summarizer = Summarizer.none();

    /** The shipped articles, and two only server 100 has: one full of mentions, one whose excerpts overflow. */
    @BeforeAll
    static void buildIndex() throws Exception {
        index = ChatIndex.of("discord-test", Scope.server(String.valueOf(GUILD)),
                List.of("discord/articles/parade.md", "discord/articles/zeppelins.md"));
    }

    /** The chat service over the shared index, with the settings defaults ship with and this test's settings. */
    private ChatService chat() {
        return index.chat(settings, Fixtures.conversations(), summarizer);
    }

    @AfterAll
    static void closeIndex() throws Exception {
        index.close();
    }

    private void start(int questionsPerMinute) {
        start(questionsPerMinute, List.of());
    }

    private void start(int questionsPerMinute, List<String> commandServers) {
        emulator = DiscordEmulator.start();
        testServer(emulator)
                .role(MODS_ROLE, "Mods", 0)
                .textChannel(ASK_HERE, "ask-here")
                .member(CAROL, "carol", MODS_ROLE);
        otherServer(emulator);
        emulator.prepareJavacord();
        bot = new DiscordBot(chat(), settings, new Throttle(questionsPerMinute, 8, Clock.systemUTC()),
                Executors.newFixedThreadPool(2), commandServers, true);
        bot.start(DiscordEmulator.TOKEN, emulator.connection());
    }

    @AfterEach
    void stop() {
        summaryCalls.shutdownNow();
        if (bot != null) {
            bot.close();
        }
        if (emulator != null) {
            assertThat(emulator.violations()).as("requests that break Discord's API or limits").isEmpty();
            emulator.close();
        }
    }

    // --- helpers ---

    private Interaction ask(long user, String question) {
        return emulator.slashCommand(GUILD, GENERAL, user, "ask", Map.of("question", question));
    }

    private static void assertPingsNobody(JsonNode body) {
        JsonNode mentions = body.path("allowed_mentions");
        assertThat(mentions.path("parse").isArray()).isTrue();
        assertThat(mentions.path("parse")).isEmpty();
        assertThat(mentions.path("roles")).isEmpty();
        assertThat(mentions.path("users")).isEmpty();
        assertThat(mentions.path("replied_user").asBoolean(true)).isFalse();
    }

    private static boolean ephemeral(JsonNode data) {
        return (data.path("flags").asLong() & (1 << 6)) != 0;
    }

    // --- scenarios ---

    @Test
    void logs_in_and_registers_ask_sources_list_and_help() {
        start(5);

        RecordedRequest registration = emulator.awaitRequest("PUT", "/applications/\\d+/commands", r -> true);

        JsonNode commands = registration.body();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).contains("ask", "sources", "help");
        JsonNode ask = find(commands, "ask");
        assertThat(ask.path("options").get(0).path("name").asText()).isEqualTo("question");
        assertThat(ask.path("options").get(0).path("type").asInt()).isEqualTo(3);
        assertThat(ask.path("options").get(0).path("required").asBoolean()).isTrue();
        JsonNode sources = find(commands, "sources");
        assertThat(sources.path("options").get(0).path("name").asText()).isEqualTo("list");
        assertThat(sources.path("options").get(0).path("type").asInt()).isEqualTo(1);
        JsonNode answers = find(find(commands, "settings").path("options"), "answers").path("options").get(0);
        assertThat(answers.path("name").asText()).isEqualTo("in");
        assertThat(answers.path("required").asBoolean()).isTrue();
        assertThat(answers.path("choices").findValuesAsText("value")).containsExactly("thread", "reply");
        assertThat(emulator.identifyCount()).isEqualTo(1);
    }

    @Test
    void while_developing_registers_the_commands_in_the_listed_servers_only() {
        start(5, List.of(String.valueOf(GUILD)));

        RecordedRequest registration = emulator.awaitRequest("PUT", "/applications/\\d+/guilds/" + GUILD + "/commands", r -> true);

        assertThat(find(registration.body(), "ask").path("options").get(0).path("name").asText()).isEqualTo("question");
        assertThat(emulator.requests()).noneMatch(r -> r.method().equals("PUT") && r.path().matches("/applications/\\d+/commands"));
        emulator.awaitDeferredResponse(ask(ALICE, "What is Yaoguang?"));
    }

    private static JsonNode find(JsonNode commands, String name) {
        for (JsonNode command : commands) {
            if (command.path("name").asText().equals(name)) {
                return command;
            }
        }
        throw new AssertionError("no command " + name + " in " + commands);
    }

    @Test
    void ask_is_deferred_then_answered_with_excerpts_citing_the_right_article() {
        start(5);

        RecordedRequest answer = emulator.awaitDeferredResponse(ask(ALICE, "Which company made the humanoid robots that danced at the gala?"));

        String content = answer.body().path("content").asText();
        assertThat(content).startsWith("> **[1]** ").contains("Unitree")
                .containsOnlyOnce("*Xi Jinping’s Meeting with Private Tech Entrepreneurs*")
                .doesNotContain("xi-meeting-private-tech-entrepreneurs.md");
        assertThat(content.length()).isLessThanOrEqualTo(2000);
        assertPingsNobody(answer.body());
    }

    @Test
    void a_mention_is_answered_in_a_thread_opened_on_it_that_quotes_and_cites() {
        start(5);

        long asked = emulator.postMessage(GUILD, GENERAL, ALICE,
                "<@" + emulator.botUserId() + "> What did Xi compare consumer technology to?");

        emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages/" + asked + "/threads", r -> r.status() == 201);
        RecordedRequest reply = emulator.awaitRequest("POST", "/channels/" + asked + "/messages", r -> true);
        assertThat(reply.body().has("message_reference")).isFalse();
        assertThat(reply.body().path("content").asText()).contains("**[1]**", "> ", "spiritual opium",
                "Xi Jinping’s Meeting with Private Tech Entrepreneurs");
        assertPingsNobody(reply.body());
    }

    @Test
    void in_reply_mode_a_mention_is_answered_as_a_reply_that_quotes_and_cites() {
        settings.put(ServerSettings.empty(String.valueOf(GUILD)).withAnswersIn(ServerSettings.AnswersIn.REPLY));
        start(5);

        long asked = emulator.postMessage(GUILD, GENERAL, ALICE,
                "<@" + emulator.botUserId() + "> What did Xi compare consumer technology to?");

        RecordedRequest reply = emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages", r -> true);
        assertThat(reply.body().path("message_reference").path("message_id").asText()).isEqualTo(String.valueOf(asked));
        assertThat(reply.body().path("content").asText()).contains("**[1]**", "> ", "spiritual opium",
                "Xi Jinping’s Meeting with Private Tech Entrepreneurs");
        assertPingsNobody(reply.body());
    }

    @Test
    void a_models_summary_is_edited_in_after_the_quotes_which_never_wait_for_it() throws Exception {
        CountDownLatch quotesSent = new CountDownLatch(1);
        summarizer = modelWaitingFor(quotesSent);
        start(5);

        Interaction interaction = ask(ALICE, "Which company made the humanoid robots that danced at the gala?");
        RecordedRequest quotes = emulator.awaitDeferredResponse(interaction);
        quotesSent.countDown();
        RecordedRequest edited = emulator.awaitRequest("PATCH", "/webhooks/\\d+/" + interaction.token() + "/messages/@original",
                r -> r.body().path("content").asText().startsWith("**In short**"));

        assertThat(quotes.body().path("content").asText()).startsWith("> **[1]** ").doesNotContain("In short");
        String content = edited.body().path("content").asText();
        assertThat(content).startsWith("**In short** (written by a language model from the excerpts): ")
                .contains("[1]\n\n> **[1]** ").contains("Unitree");
        assertThat(content.length()).isLessThanOrEqualTo(2000);
        assertPingsNobody(edited.body());
    }

    @Test
    void a_mentions_reply_is_edited_to_carry_the_models_summary() throws Exception {
        CountDownLatch quotesSent = new CountDownLatch(1);
        summarizer = modelWaitingFor(quotesSent);
        start(5);

        long asked = emulator.postMessage(GUILD, GENERAL, ALICE,
                "<@" + emulator.botUserId() + "> What did Xi compare consumer technology to?");
        RecordedRequest reply = emulator.awaitRequest("POST", "/channels/" + asked + "/messages", r -> true);
        quotesSent.countDown();
        RecordedRequest edited = emulator.awaitRequest("PATCH", "/channels/" + asked + "/messages/\\d+", r -> r.status() < 300);

        assertThat(reply.body().path("content").asText()).startsWith("> **[1]** ");
        assertThat(edited.body().path("content").asText())
                .startsWith("**In short** (written by a language model from the excerpts): ")
                .contains("spiritual opium");
        assertPingsNobody(edited.body());
    }

    @Test
    void with_the_extractive_summary_the_answer_is_one_message_saying_no_sentence_twice() {
        // The extractive summary is the answer span the answerer marks, and it marks none yet: the quotes come
        // alone, where the summary used to quote their best sentences a second time.
        summarizer = Summarizer.extractive();
        start(5);

        Interaction interaction = ask(ALICE, "Which company made the humanoid robots that danced at the gala?");
        String content = emulator.awaitDeferredResponse(interaction).body().path("content").asText();

        assertThat(content).startsWith("> **[1]** ").contains("Unitree");
        assertThat(Replies.repeatedSentences(content)).isEmpty();
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("PATCH")).hasSize(1);
    }

    /**
     * A model that points to the first excerpt in words of its own (a sentence copied from the excerpts would be
     * left out, the quotes showing it already), once {@code quotesSent} opens: the quotes must go out before its
     * summary can exist.
     */
    private Summarizer modelWaitingFor(CountDownLatch quotesSent) {
        SummaryModel model = prompt -> {
            try {
                quotesSent.await(20, TimeUnit.SECONDS);
                JsonNode first = new ObjectMapper().readTree(prompt.request()).path("excerpts").get(0);
                return "The first excerpt answers this [" + first.path("number").asInt() + "].";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return new Summarizer(Summarizer.Mode.MODEL, Optional.of(model), 3, Duration.ofSeconds(30), summaryCalls);
    }

    @Test
    void a_question_the_sources_cannot_answer_gets_a_short_not_found() {
        start(5);

        RecordedRequest answer = emulator.awaitDeferredResponse(ask(ALICE, "Who won the 2022 FIFA World Cup?"));

        assertThat(answer.body().path("content").asText()).isEqualTo("I couldn't find that in the sources.");
    }

    @Test
    void everyone_here_roles_and_users_in_excerpts_and_questions_ping_nobody() {
        start(5);

        RecordedRequest answer = emulator.awaitDeferredResponse(ask(ALICE, "@everyone @here <@&" + MODS_ROLE + "> <@" + BOB
                + "> when does the robot parade start on the quay?"));

        assertThat(answer.body().path("content").asText()).contains("@everyone", "<@&300>", "<@10>");
        assertPingsNobody(answer.body());
    }

    @Test
    void an_answer_whose_excerpts_overflow_a_message_is_cut_to_fit_every_limit() {
        start(5);

        RecordedRequest answer = emulator.awaitDeferredResponse(ask(ALICE,
                "How many tonnes of mail did the zeppelins moored at the northern harbours carry?"));

        String content = answer.body().path("content").asText();
        assertThat(content.length()).isLessThanOrEqualTo(2000);
        assertThat(content).contains("**[1]**", "**tonnes** of **mail**", "*The Great Zeppelin Survey");
        assertThat(content.split("\\*\\*", -1).length % 2).as("bold markers pair up").isEqualTo(1);
    }

    @Test
    void a_member_over_the_rate_limit_gets_a_refusal_only_they_see() {
        start(2);
        emulator.awaitDeferredResponse(ask(ALICE, "Who called China's state-owned enterprises paper tigers?"));
        emulator.awaitDeferredResponse(ask(ALICE, "What did Xi compare consumer technology to?"));

        JsonNode refusal = emulator.awaitImmediateResponse(ask(ALICE, "Which slogan did Xi borrow from Mao?"));

        assertThat(ephemeral(refusal)).isTrue();
        assertThat(refusal.path("content").asText()).contains("2 questions in the last minute");
        assertPingsNobody(refusal);
        emulator.awaitDeferredResponse(ask(BOB, "Which slogan did Xi borrow from Mao?")); // others are not held up
    }

    @Test
    void a_mention_over_the_rate_limit_is_refused_in_a_direct_message_not_in_the_channel() throws InterruptedException {
        // Replies, so that the answer and the refusal would both be in the channel if the refusal were not private.
        settings.put(ServerSettings.empty(String.valueOf(GUILD)).withAnswersIn(ServerSettings.AnswersIn.REPLY));
        start(1);
        String mention = "<@" + emulator.botUserId() + "> ";
        emulator.postMessage(GUILD, GENERAL, ALICE, mention + "What is Yaoguang?");
        emulator.awaitRequest("POST", "/channels/" + GENERAL + "/messages", r -> true);

        emulator.postMessage(GUILD, GENERAL, ALICE, mention + "Which slogan did Xi borrow from Mao?");

        RecordedRequest dm = emulator.awaitRequest("POST", "/channels/\\d+/messages", r -> !r.path().contains("/" + GENERAL + "/"));
        assertThat(dm.body().path("content").asText()).contains("1 question in the last minute");
        assertPingsNobody(dm.body());
        assertThat(emulator.directMessagesTo(ALICE)).hasSize(1);
        assertThat(emulator.messagesIn(GENERAL).stream().filter(m -> m.path("author").path("id").asText()
                .equals(String.valueOf(emulator.botUserId())))).hasSize(1);
    }

    @Test
    void a_rate_limited_reply_is_retried_after_retry_after_and_arrives() {
        start(5);
        emulator.respondNext("PATCH", "/webhooks/\\d+/[^/]+/messages/@original", 429,
                Map.of("Retry-After", "1", "X-RateLimit-Scope", "user"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}");

        RecordedRequest answer = emulator.awaitDeferredResponse(ask(ALICE, "What is Yaoguang?"));

        assertThat(answer.body().path("content").asText()).contains("Yaoguang");
        assertThat(emulator.requests()).anyMatch(r -> r.method().equals("PATCH") && r.status() == 429);
    }

    @Test
    void keeps_answering_after_the_gateway_asks_it_to_reconnect() throws InterruptedException {
        start(5);
        emulator.awaitDeferredResponse(ask(ALICE, "What is Yaoguang?"));

        emulator.requestReconnect();
        long deadline = System.nanoTime() + DiscordEmulator.WAIT.toNanos();
        while (emulator.resumeCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        emulator.awaitConnected(DiscordEmulator.WAIT);
        assertThat(emulator.resumeCount()).as("the bot reconnected and resumed").isEqualTo(1);
        long asked = emulator.postMessage(GUILD, GENERAL, BOB, "<@" + emulator.botUserId() + "> What is Yaoguang?");

        // The thread opened after the resume is known to the bot too: it answers in it.
        RecordedRequest reply = emulator.awaitRequest("POST", "/channels/" + asked + "/messages", r -> r.status() < 300);
        assertThat(reply.body().path("content").asText()).contains("Yaoguang");
    }

    @Test
    void only_moderators_change_settings_and_a_moderator_role_makes_a_moderator() {
        start(5);

        JsonNode byAlice = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "settings", "ask-channel add",
                Map.of("channel", String.valueOf(ASK_HERE))));
        JsonNode byCarol = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, CAROL, "settings", "show", Map.of()));
        JsonNode byBob = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, BOB, "settings", "moderator-role add",
                Map.of("role", String.valueOf(MODS_ROLE))));
        JsonNode carolNow = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, CAROL, "settings", "ask-channel add",
                Map.of("channel", String.valueOf(ASK_HERE))));

        assertThat(ephemeral(byAlice)).isTrue();
        assertThat(byAlice.path("content").asText()).startsWith("Only moderators");
        assertThat(byCarol.path("content").asText()).startsWith("Only moderators");
        assertThat(byBob.path("content").asText()).contains("<@&" + MODS_ROLE + "> are now moderators");
        assertThat(carolNow.path("content").asText()).contains("<#" + ASK_HERE + ">");
        assertThat(settings.get(String.valueOf(GUILD)).askChannels()).containsExactly(String.valueOf(ASK_HERE));
        assertThat(settings.get(String.valueOf(OTHER_GUILD)).askChannels()).isEmpty();

        long asked = emulator.postMessage(GUILD, ASK_HERE, ALICE, "What is Yaoguang?");
        RecordedRequest reply = emulator.awaitRequest("POST", "/channels/" + ASK_HERE + "/messages", r -> true);
        assertThat(reply.body().path("message_reference").path("message_id").asText()).isEqualTo(String.valueOf(asked));
        assertThat(reply.body().path("content").asText()).contains("Yaoguang");
    }

    @Test
    void a_servers_own_sources_answer_there_and_nowhere_else() {
        start(5);
        String question = "When does the robot parade start on the quay?";

        RecordedRequest here = emulator.awaitDeferredResponse(ask(ALICE, question));
        Interaction elsewhere = emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, ALICE, "ask", Map.of("question", question));
        RecordedRequest there = emulator.awaitDeferredResponse(elsewhere);

        assertThat(here.body().path("content").asText()).contains("The robot parade");
        assertThat(there.body().path("content").asText()).doesNotContain("robot parade", "Harbour Gazette");
    }

    @Test
    void sources_list_and_help_answer_at_once() {
        start(5);

        JsonNode list = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "sources", "list", Map.of()));
        JsonNode help = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "help", Map.of()));

        assertThat(ephemeral(list)).isFalse();
        assertThat(list.path("content").asText()).contains("**6 sources**", "`parade`", "`xi-closed-door-summit-tech-moguls`");
        assertThat(ephemeral(help)).isTrue();
        assertThat(help.path("content").asText()).contains("/ask", "/sources list", "/help");
    }

    @Test
    void a_rejected_token_fails_login_with_one_line_that_leaves_the_token_out() {
        emulator = DiscordEmulator.start();
        emulator.rejectToken();
        emulator.prepareJavacord();
        bot = new DiscordBot(chat(), settings, new Throttle(5, 8, Clock.systemUTC()), Executors.newFixedThreadPool(1),
                List.of(), true);

        assertThatThrownBy(() -> bot.start(DiscordEmulator.TOKEN, emulator.connection()))
                .isInstanceOf(DiscordLoginException.class)
                .hasMessageContaining("rejected the bot token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(DiscordEmulator.TOKEN).doesNotContain("\n"));
    }

    @Test
    void the_token_never_appears_in_any_log_line_even_at_trace() {
        List<ILoggingEvent> lines = LogLines.during("", () -> {
            start(5);
            emulator.awaitDeferredResponse(ask(ALICE, "What is Yaoguang?"));
        });

        // The emulator's own websocket server logs what it receives, the IDENTIFY included: that is Discord's side.
        List<ILoggingEvent> bots = lines.stream()
                .filter(e -> !e.getLoggerName().startsWith("org.java_websocket"))
                .filter(e -> !e.getLoggerName().startsWith("footnote.discord.emulator"))
                .toList();
        assertThat(bots).isNotEmpty();
        for (ILoggingEvent event : bots) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(DiscordEmulator.TOKEN);
        }
    }

}
