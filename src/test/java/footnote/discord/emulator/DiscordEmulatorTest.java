package footnote.discord.emulator;

import static footnote.discord.emulator.DiscordEmulator.MANAGE_GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.channel.AutoArchiveDuration;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.ServerThreadChannelBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.Button;
import org.javacord.api.entity.message.component.LowLevelComponent;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputStyle;
import org.javacord.api.entity.message.embed.EmbedBuilder;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator, proven with the real Javacord 3.8.0 client and nothing of the bot: each test logs Javacord in to
 * a fresh emulator, exactly as production code would (no {@code setTrustAllCertificates}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DiscordEmulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long GUILD = 810000000000000001L;
    private static final long GENERAL = 810000000000000101L;
    private static final long ANSWERS = 810000000000000102L;
    private static final long MODERATOR_ROLE = 810000000000000201L;
    private static final long READER_ROLE = 810000000000000202L;
    private static final long OWNER = 810000000000000301L;
    private static final long MODERATOR = 810000000000000302L;
    private static final long MEMBER = 810000000000000303L;
    /** On shard 1 of 2, where GUILD is on shard 0: {@code (id >> 22) % 2} differs. */
    private static final long SHARD_ONE_GUILD = 811000000000000001L;
    private static final long SHARD_ONE_GENERAL = 811000000000000101L;

    /** Shared: a JDK 17 HttpClient cannot be closed, its threads end when it is collected. */
    private static final HttpClient RAW_HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private DiscordEmulator discord;
    private DiscordApi api;
    /** Clients logged in as shards, disconnected after each test. */
    private final List<DiscordApi> shardClients = new CopyOnWriteArrayList<>();
    private final List<RawGatewayClient> rawClients = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        discord = DiscordEmulator.start();
        discord.guild(GUILD, "Footnote Readers", OWNER)
                .role(MODERATOR_ROLE, "moderators", MANAGE_GUILD)
                .role(READER_ROLE, "readers", 0)
                .textChannel(GENERAL, "general")
                .textChannel(ANSWERS, "answers")
                .member(OWNER, "olivia")
                .member(MODERATOR, "morgan", MODERATOR_ROLE, READER_ROLE)
                .member(MEMBER, "max", READER_ROLE);
    }

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.disconnect().get(5, TimeUnit.SECONDS);
        }
        for (DiscordApi shard : shardClients) {
            shard.disconnect().get(5, TimeUnit.SECONDS);
        }
        rawClients.forEach(client -> client.socket.abort());
        discord.close();
    }

    private DiscordApi login() {
        discord.prepareJavacord();
        return loginFuture().join();
    }

    private CompletableFuture<DiscordApi> loginFuture() {
        return builder().login();
    }

    private DiscordApiBuilder builder() {
        return new DiscordApiBuilder()
                .setToken(DiscordEmulator.TOKEN)
                .setProxySelector(discord.proxySelector())
                .addIntents(Intent.MESSAGE_CONTENT)
                // Javacord's own limiter spaces IDENTIFYs 5.5 s apart per token within the JVM, shards included.
                .setGatewayIdentifyRatelimiter(() -> { })
                .setShutdownHookRegistrationEnabled(false);
    }

    /** Logs in one client per shard, each from its own builder as separate bot processes would, all at once. */
    private List<DiscordApi> loginAsShards(int total) {
        discord.prepareJavacord();
        List<CompletableFuture<DiscordApi>> logins = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
            logins.add(builder().setTotalShards(total).setCurrentShard(shard).login());
        }
        return joinShards(logins);
    }

    private List<DiscordApi> joinShards(List<CompletableFuture<DiscordApi>> logins) {
        logins.forEach(login -> login.thenAccept(shardClients::add));
        return logins.stream().map(CompletableFuture::join).toList();
    }

    private void addShardOneGuild() {
        discord.guild(SHARD_ONE_GUILD, "Second Shard Readers", OWNER)
                .textChannel(SHARD_ONE_GENERAL, "general")
                .member(OWNER, "olivia")
                .member(MEMBER, "max");
    }

    /**
     * The types of the dispatches a shard's session got about a guild, as sent (Javacord would silently drop an
     * event about a guild it does not know, so its listeners alone cannot show an event went to the wrong shard).
     */
    private List<String> dispatchedAbout(int shard, long guildId) {
        String id = Long.toString(guildId);
        return discord.dispatchesTo(shard).stream()
                .filter(p -> p.path("d").path("guild_id").asText().equals(id)
                        || p.path("t").asText().startsWith("GUILD_") && p.path("d").path("id").asText().equals(id))
                .map(p -> p.path("t").asText())
                .toList();
    }

    private void assertCleanRun() {
        assertThat(discord.violations()).as("violations").isEmpty();
        assertThat(discord.responseProblems()).as("emulator answers that do not match Discord's schemas").isEmpty();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A bare gateway client (the JDK's websocket), for IDENTIFYs that Javacord refuses to send. */
    private final class RawGatewayClient implements WebSocket.Listener {
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        final WebSocket socket;

        RawGatewayClient() {
            socket = RAW_HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(discord.gatewayUrl() + "/?encoding=json&v=10"), this).join();
            rawClients.add(this);
        }

        /** Sends IDENTIFY with this {@code shard} JSON, or without one if null. */
        RawGatewayClient identify(String shard) {
            socket.sendText("{\"op\":2,\"d\":{\"token\":\"Bot " + DiscordEmulator.TOKEN + "\",\"intents\":513,"
                    + "\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}"
                    + (shard == null ? "" : ",\"shard\":" + shard) + "}}", true).join();
            return this;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            webSocket.request(1); // HELLO, READY, ...: not needed here
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    private static SlashCommandBuilder askCommand() {
        return SlashCommand.with("ask", "Ask a question about the articles", List.of(
                SlashCommandOption.create(SlashCommandOptionType.STRING, "question", "What you want to know", true)));
    }

    private static SlashCommandBuilder sourcesCommand() {
        return SlashCommand.with("sources", "Manage the article sources", List.of(
                SlashCommandOption.createWithOptions(SlashCommandOptionType.SUB_COMMAND, "list", "List the sources",
                        List.of(SlashCommandOption.create(SlashCommandOptionType.STRING, "filter", "Only these",
                                false)))))
                .setDefaultEnabledForPermissions(PermissionType.MANAGE_SERVER);
    }

    // ------------------------------------------------------------------------------------------ 1. login

    @Test
    void javacordLogsInAndSeesTheScriptedGuild() {
        api = login();

        assertThat(api.getYourself().getId()).isEqualTo(discord.botUserId());
        assertThat(api.getYourself().isBot()).isTrue();
        assertThat(api.getClientId()).isEqualTo(discord.applicationId());
        Server server = api.getServerById(GUILD).orElseThrow();
        assertThat(server.getName()).isEqualTo("Footnote Readers");
        assertThat(server.getTextChannels()).extracting(ServerTextChannel::getName)
                .containsExactly("general", "answers");
        assertThat(server.getRoles()).extracting(Role::getName)
                .containsExactly("@everyone", "moderators", "readers");
        assertThat(server.getMembers()).extracting(User::getId)
                .containsExactlyInAnyOrder(OWNER, MODERATOR, MEMBER, discord.botUserId());
        User moderator = server.getMemberById(MODERATOR).orElseThrow();
        User member = server.getMemberById(MEMBER).orElseThrow();
        assertThat(moderator.getName()).isEqualTo("morgan");
        assertThat(server.getRoles(moderator)).extracting(Role::getId)
                .contains(MODERATOR_ROLE, READER_ROLE);
        assertThat(server.getPermissions(moderator).getAllowedPermission()).contains(PermissionType.MANAGE_SERVER);
        assertThat(server.getPermissions(member).getAllowedPermission()).doesNotContain(PermissionType.MANAGE_SERVER)
                .contains(PermissionType.SEND_MESSAGES);
        assertThat(server.isOwner(server.getMemberById(OWNER).orElseThrow())).isTrue();
        assertThat(server.isAdmin(server.getMemberById(OWNER).orElseThrow())).isTrue();
        assertThat(server.getTextChannelById(GENERAL).orElseThrow().canYouWrite()).isTrue();

        assertThat(discord.identifyCount()).isEqualTo(1);
        assertThat(discord.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status())
                .containsExactly("GET /gateway 200", "GET /oauth2/applications/@me 200");
        assertThat(discord.requests().get(0).headers()).doesNotContainKey("authorization");
        assertThat(discord.requests().get(1).headers()).containsEntry("authorization", "Bot " + DiscordEmulator.TOKEN);
        // TLS: the login above went through https://discord.com with hostname verification and no trust-all.
        assertThat(System.getProperty("javax.net.ssl.trustStore")).isNotBlank();
        assertCleanRun();
    }

    @Test
    void guildsRolesAndChannelsAddedAfterLoginReachJavacord() throws Exception {
        api = login();
        long newGuild = 820000000000000001L;
        long newChannel = 820000000000000101L;
        long newRole = 820000000000000201L;

        discord.guild(newGuild, "Late Guild", OWNER).member(OWNER, "olivia");
        discord.guild(newGuild).role(newRole, "late", MANAGE_GUILD).textChannel(newChannel, "late-news");
        discord.guild(GUILD).role(GUILD, "@everyone", DiscordEmulator.DEFAULT_EVERYONE_PERMISSIONS & ~(1L << 11));

        await(() -> api.getServerById(newGuild).flatMap(s -> s.getTextChannelById(newChannel)).isPresent()
                && api.getRoleById(newRole).isPresent(), "the new guild, role and channel are known");
        assertThat(api.getServerById(newGuild).orElseThrow().getName()).isEqualTo("Late Guild");
        await(() -> !api.getServerById(GUILD).orElseThrow().getEveryoneRole().getPermissions()
                .getAllowedPermission().contains(PermissionType.SEND_MESSAGES), "@everyone lost SEND_MESSAGES");
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ 2. validation

    @Test
    void commandRegistrationIsRecordedAndValidAndAnOverlongMessageIsAViolation() {
        api = login();

        Set<org.javacord.api.interaction.ApplicationCommand> registered = api.bulkOverwriteGlobalApplicationCommands(
                Set.of(askCommand(), sourcesCommand())).join();

        assertThat(registered).extracting(org.javacord.api.interaction.ApplicationCommand::getName)
                .containsExactlyInAnyOrder("ask", "sources");
        assertThat(registered).allSatisfy(c -> assertThat(c.getId()).isPositive());
        RecordedRequest put = discord.awaitRequest("PUT", "/applications/" + discord.applicationId() + "/commands",
                WAIT);
        assertThat(put.status()).isEqualTo(200);
        JsonNode ask = null;
        for (JsonNode command : put.body()) {
            if (command.path("name").asText().equals("ask")) {
                ask = command;
            }
        }
        assertThat(ask).isNotNull();
        assertThat(ask.path("options").get(0).path("type").asInt()).isEqualTo(3);
        assertThat(ask.path("options").get(0).path("required").asBoolean()).isTrue();
        assertCleanRun();

        // Javacord does not check Discord's 2,000-character limit; Discord (and the emulator) refuse the message.
        ServerTextChannel general = api.getServerTextChannelById(GENERAL).orElseThrow();
        CompletableFuture<Message> tooLong = general.sendMessage("x".repeat(2001));
        assertThatThrownBy(() -> tooLong.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Invalid Form Body");
        assertThat(discord.violations()).singleElement().asString()
                .startsWith("POST /channels/" + GENERAL + "/messages (create_message): ")
                .contains("content is 2001 characters");
        assertThat(discord.requests()).last().extracting(RecordedRequest::status).isEqualTo(400);
        assertThat(discord.messagesIn(GENERAL)).isEmpty();
    }

    @Test
    void schemaViolationsAndUnknownEndpointsAreReported() {
        api = login();

        // A command name Discord refuses (upper case) and an endpoint the emulator does not serve.
        CompletableFuture<SlashCommand> badName = SlashCommand.with("Ask", "Ask").createGlobal(api);
        assertThatThrownBy(() -> badName.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        CompletableFuture<?> bans = api.getServerById(GUILD).orElseThrow().getBans();
        assertThatThrownBy(() -> bans.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThat(discord.violations()).hasSize(2);
        assertThat(discord.violations().get(0)).startsWith("POST /applications/" + discord.applicationId()
                + "/commands (create_application_command): ").contains("must be lower case");
        assertThat(discord.violations().get(1)).startsWith("GET /guilds/" + GUILD + "/bans (list_guild_bans): ")
                .contains("does not emulate");
    }

    @Test
    void theSpecValidatorCatchesWhatTheSchemaForbids() {
        DiscordApiSpec spec = DiscordApiSpec.get();
        DiscordApiSpec.Operation create = spec.find("POST", "/channels/1/messages").orElseThrow().operation();
        assertThat(create.operationId()).isEqualTo("create_message");
        assertThat(create.authRequired()).isTrue();
        assertThat(spec.find("POST", "/interactions/1/abc/callback").orElseThrow().operation().authRequired())
                .isFalse();
        assertThat(spec.find("GET", "/webhooks/1/tok/messages/@original").orElseThrow().operation().operationId())
                .isEqualTo("get_original_webhook_message");

        JsonNode bad = discord.json.createObjectNode().put("content", 5)
                .set("allowed_mentions", discord.json.createObjectNode().put("parse", "users"));
        assertThat(spec.validateRequest(create, "application/json", bad))
                .anySatisfy(e -> assertThat(e).startsWith("/content"))
                .anySatisfy(e -> assertThat(e).startsWith("/allowed_mentions"));
        JsonNode good = discord.json.createObjectNode().put("content", "hi").put("tts", false);
        assertThat(spec.validateRequest(create, "application/json", good)).isEmpty();
        assertThat(spec.validateRequest(create, "multipart/form-data", good)).isEmpty();
        // Javacord sends message_reference.message_id as a JSON number; Discord accepts that, the spec says string.
        JsonNode reply = discord.json.createObjectNode().put("content", "re")
                .set("message_reference", discord.json.createObjectNode().put("message_id", 1234567890123L));
        assertThat(spec.validateRequest(create, "application/json", reply)).isEmpty();
        // The emulator's own answers are checked against the response schemas too.
        assertThat(spec.validateResponse(create, 200, discord.json.createObjectNode().put("id", "1")))
                .anySatisfy(e -> assertThat(e).contains("required property 'content' not found"));
    }

    // ------------------------------------------------------------------------------------------ 3. messages

    @Test
    void aPostedMessageReachesTheListenerAndTheReplyCarriesItsAllowedMentions() throws Exception {
        api = login();
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        api.addMessageCreateListener(event -> {
            if (event.getMessageAuthor().isYourself()) {
                return; // the bot's own reply comes back as MESSAGE_CREATE too, as on Discord
            }
            received.add(event.getMessage());
            new MessageBuilder()
                    .setContent("Thanks <@" + MEMBER + ">, noted @everyone")
                    .setAllowedMentions(new AllowedMentionsBuilder().build())
                    .replyTo(event.getMessage())
                    .send(event.getChannel());
        });

        long posted = discord.postMessage(GUILD, GENERAL, MEMBER, "hello <@" + discord.botUserId() + "> and <@&"
                + READER_ROLE + ">");

        Message message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getId()).isEqualTo(posted);
        assertThat(message.getContent()).isEqualTo("hello <@" + discord.botUserId() + "> and <@&" + READER_ROLE + ">");
        assertThat(message.getAuthor().getId()).isEqualTo(MEMBER);
        assertThat(message.getMentionedUsers()).extracting(User::getId).containsExactly(discord.botUserId());
        assertThat(message.getMentionedRoles()).extracting(Role::getId).containsExactly(READER_ROLE);

        RecordedRequest reply = discord.awaitRequest("POST", "/channels/" + GENERAL + "/messages", WAIT);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode allowed = reply.body().path("allowed_mentions");
        assertThat(allowed.path("parse").isEmpty()).isTrue();
        assertThat(allowed.path("users").isEmpty()).isTrue();
        assertThat(allowed.path("roles").isEmpty()).isTrue();
        assertThat(allowed.path("replied_user").asBoolean(true)).isFalse();
        assertThat(reply.body().path("message_reference").path("message_id").asLong()).isEqualTo(posted);

        JsonNode stored = discord.messagesIn(GENERAL).get(1);
        assertThat(stored.path("content").asText()).isEqualTo("Thanks <@" + MEMBER + ">, noted @everyone");
        assertThat(stored.path("mentions").isEmpty()).as("nobody pinged").isTrue();
        assertThat(stored.path("mention_everyone").asBoolean()).isFalse();
        assertThat(stored.path("type").asInt()).isEqualTo(19);
        assertThat(received).isEmpty();
        assertCleanRun();
    }

    @Test
    void attachmentsGoAsMultipartAndThePayloadJsonPartIsValidated() throws Exception {
        api = login();
        ServerTextChannel general = api.getServerTextChannelById(GENERAL).orElseThrow();

        Message sent = new MessageBuilder().setContent("The sources, attached")
                .addAttachment("metals\ngala\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "sources.txt")
                .send(general).get(5, TimeUnit.SECONDS);

        assertThat(sent.getAttachments()).singleElement()
                .satisfies(a -> assertThat(a.getFileName()).isEqualTo("sources.txt"))
                .satisfies(a -> assertThat(a.getSize()).isEqualTo(12));
        RecordedRequest request = discord.awaitRequest("POST", "/channels/" + GENERAL + "/messages", WAIT);
        assertThat(request.headers().get("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.body().path("content").asText()).isEqualTo("The sources, attached");
        assertThat(discord.messagesIn(GENERAL)).singleElement()
                .satisfies(m -> assertThat(m.path("attachments").get(0).path("filename").asText())
                        .isEqualTo("sources.txt"));
        assertCleanRun();
    }

    @Test
    void withoutTheMessageContentIntentTheBotSeesEmptyContentUnlessMentioned() throws Exception {
        discord.prepareJavacord();
        api = new DiscordApiBuilder().setToken(DiscordEmulator.TOKEN).setProxySelector(discord.proxySelector())
                .setGatewayIdentifyRatelimiter(() -> { }).setShutdownHookRegistrationEnabled(false)
                .login().join();
        BlockingQueue<String> contents = new LinkedBlockingQueue<>();
        // Javacord itself refuses getMessageContent() (MissingIntentException) when it cannot have the content.
        api.addMessageCreateListener(event -> contents.add(event.getMessage().canYouReadContent()
                ? event.getMessageContent() : "(unreadable)"));

        discord.postMessage(GUILD, GENERAL, MEMBER, "not for the bot");
        discord.postMessage(GUILD, GENERAL, MEMBER, "<@" + discord.botUserId() + "> for the bot");

        assertThat(contents.poll(10, TimeUnit.SECONDS)).isEqualTo("(unreadable)");
        assertThat(contents.poll(10, TimeUnit.SECONDS)).isEqualTo("<@" + discord.botUserId() + "> for the bot");
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ threads

    @Test
    void aThreadStartedFromAMessageReachesJavacordAndMembersPostAndReplyInIt() throws Exception {
        api = login();
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        api.addMessageCreateListener(event -> {
            if (!event.getMessageAuthor().isYourself()) {
                received.add(event.getMessage());
            }
        });
        Message question = api.getServerTextChannelById(GENERAL).orElseThrow().sendMessage("What is X?").join();

        ServerThreadChannel thread = question.createThread("What is X?", AutoArchiveDuration.ONE_DAY)
                .get(5, TimeUnit.SECONDS);
        Message answer = thread.sendMessage("X is a letter.").get(5, TimeUnit.SECONDS);
        long posted = discord.postMessage(GUILD, thread.getId(), MEMBER, "and Y?");
        long replied = discord.postReply(GUILD, thread.getId(), MEMBER, "which letter?", answer.getId(), false);

        assertThat(thread.getId()).isEqualTo(question.getId());
        assertThat(thread.getOwnerId()).isEqualTo(discord.botUserId());
        assertThat(thread.getParent().getId()).isEqualTo(GENERAL);
        assertThat(thread.getMetadata().getAutoArchiveDuration()).isEqualTo(1440);
        assertThat(api.getServerThreadChannelById(thread.getId())).isPresent();
        assertThat(discord.threadsIn(GENERAL)).singleElement()
                .satisfies(t -> assertThat(t.path("name").asText()).isEqualTo("What is X?"))
                .satisfies(t -> assertThat(t.path("type").asInt()).isEqualTo(11));
        assertThat(discord.dispatchesTo(0)).anySatisfy(p -> {
            assertThat(p.path("t").asText()).isEqualTo("THREAD_CREATE");
            assertThat(p.path("d").path("parent_id").asLong()).isEqualTo(GENERAL);
        });
        Message inThread = received.poll(10, TimeUnit.SECONDS);
        assertThat(inThread.getId()).isEqualTo(posted);
        assertThat(inThread.getServerThreadChannel()).map(ServerThreadChannel::getId).contains(thread.getId());
        Message reply = received.poll(10, TimeUnit.SECONDS);
        assertThat(reply.getId()).isEqualTo(replied);
        assertThat(reply.getMessageReference().flatMap(r -> r.getMessageId())).contains(answer.getId());
        assertThat(reply.getReferencedMessage()).map(m -> m.getAuthor().getId()).contains(discord.botUserId());
        assertThat(reply.getMentionedUsers()).as("a reply without a ping mentions nobody").isEmpty();
        assertCleanRun();
    }

    @Test
    void aThreadNameOver100CharactersOrAnArchiveDurationDiscordDoesNotOfferIsRefused() {
        api = login();
        Message question = api.getServerTextChannelById(GENERAL).orElseThrow().sendMessage("What is X?").join();

        CompletableFuture<ServerThreadChannel> longName = question.createThread("x".repeat(101), 60);
        assertThatThrownBy(() -> longName.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        CompletableFuture<ServerThreadChannel> badDuration = question.createThread("What is X?", 120);
        assertThatThrownBy(() -> badDuration.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        // One line per schema error: the name's, then the duration's (matching none of the four constants).
        assertThat(discord.violations()).allSatisfy(v -> assertThat(v).startsWith("POST /channels/" + GENERAL
                + "/messages/" + question.getId() + "/threads (create_thread_from_message): "));
        assertThat(discord.violations().get(0)).endsWith("/name: must be at most 100 characters long");
        assertThat(discord.violations().subList(1, discord.violations().size()))
                .allSatisfy(v -> assertThat(v).contains("/auto_archive_duration: "))
                .anySatisfy(v -> assertThat(v).endsWith("must be the constant value '1440'"));
        assertThat(discord.requests()).filteredOn(r -> r.path().endsWith("/threads"))
                .extracting(RecordedRequest::status).containsExactly(400, 400);
        assertThat(discord.threadsIn(GENERAL)).isEmpty();
    }

    @Test
    void withoutCreatePublicThreadsAThreadIsRefusedWith403AndNoThreadInAThread() {
        api = login();
        Message question = api.getServerTextChannelById(GENERAL).orElseThrow().sendMessage("What is X?").join();
        ServerThreadChannel thread = question.createThread("X", 60).join();
        Message inThread = thread.sendMessage("In the thread").join();
        discord.guild(GUILD).role(GUILD, "@everyone",
                DiscordEmulator.DEFAULT_EVERYONE_PERMISSIONS & ~DiscordEmulator.CREATE_PUBLIC_THREADS);
        Message another = api.getServerTextChannelById(GENERAL).orElseThrow().sendMessage("And Y?").join();

        CompletableFuture<ServerThreadChannel> denied = another.createThread("And Y?", 60);
        assertThatThrownBy(() -> denied.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Missing Permissions");
        assertThatThrownBy(() -> new ServerThreadChannelBuilder(inThread, "nested").setAutoArchiveDuration(60)
                .create().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThat(discord.requests()).filteredOn(r -> r.path().endsWith("/threads"))
                .extracting(RecordedRequest::status).containsExactly(201, 403, 400);
        assertThat(discord.violations()).hasSize(2);
        assertThat(discord.violations().get(0)).contains("CREATE_PUBLIC_THREADS");
        assertThat(discord.violations().get(1)).contains("threads cannot hold threads");
        assertThat(discord.threadsIn(GENERAL)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ 4. interactions

    @Test
    void aSlashCommandIsDeferredThenAnsweredThroughTheOriginalResponse() throws Exception {
        api = login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(askCommand())).join();
        CompletableFuture<SlashCommandInteraction> seen = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            seen.complete(interaction);
            String question = interaction.getArgumentStringValueByName("question").orElse("?");
            interaction.respondLater().thenCompose(updater -> updater
                    .setContent("Answer to: " + question)
                    .setAllowedMentions(new AllowedMentionsBuilder().build())
                    .update());
        });

        Interaction sent = discord.slashCommand(GUILD, ANSWERS, MEMBER, "ask", Map.of("question", "What is X?"));

        SlashCommandInteraction interaction = seen.get(10, TimeUnit.SECONDS);
        assertThat(interaction.getId()).isEqualTo(sent.id());
        assertThat(interaction.getToken()).isEqualTo(sent.token());
        assertThat(interaction.getCommandName()).isEqualTo("ask");
        assertThat(interaction.getUser().getId()).isEqualTo(MEMBER);
        assertThat(interaction.getChannel().orElseThrow().getId()).isEqualTo(ANSWERS);

        assertThat(discord.awaitInteractionResponse(sent, c -> !c.isEmpty(), WAIT)).isEqualTo("Answer to: What is X?");
        RecordedRequest callback = discord.awaitRequest("POST",
                "/interactions/" + sent.id() + "/" + sent.token() + "/callback", WAIT);
        assertThat(callback.status()).isEqualTo(204);
        assertThat(callback.body().path("type").asInt()).isEqualTo(5);
        assertThat(callback.headers()).doesNotContainKey("authorization");
        RecordedRequest edit = discord.awaitRequest("PATCH",
                "/webhooks/" + discord.applicationId() + "/" + sent.token() + "/messages/@original", WAIT);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body().path("content").asText()).isEqualTo("Answer to: What is X?");
        assertThat(discord.requests()).filteredOn(r -> r.path().startsWith("/interactions")
                || r.path().startsWith("/webhooks")).hasSize(2);
        List<JsonNode> messages = discord.interactionMessages(sent);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.path("flags").asInt() & 128).as("no longer loading").isZero();
            assertThat(m.path("channel_id").asLong()).isEqualTo(ANSWERS);
        });
        assertCleanRun();
    }

    @Test
    void aSubcommandIsAnsweredImmediately() throws Exception {
        api = login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(askCommand(), sourcesCommand())).join();
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            String filter = interaction.getOptionByName("list")
                    .flatMap(list -> list.getArgumentStringValueByName("filter")).orElse("all");
            interaction.createImmediateResponder()
                    .setContent(interaction.getFullCommandName() + ": " + filter)
                    .respond();
        });

        Interaction sent = discord.slashCommand(GUILD, GENERAL, MODERATOR, "sources", "list",
                Map.of("filter", "science"));

        assertThat(discord.awaitInteractionResponse(sent, c -> true, WAIT)).isEqualTo("sources list: science");
        RecordedRequest callback = discord.awaitRequest("POST", "/interactions/.*/callback", WAIT);
        assertThat(callback.body().path("type").asInt()).isEqualTo(4);
        assertThat(callback.status()).isEqualTo(204);
        assertThatThrownBy(() -> discord.slashCommand(GUILD, GENERAL, MODERATOR, "sources", "remove", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no subcommand 'remove'");
        assertCleanRun();
    }

    @Test
    void aSecondAcknowledgementIsRefusedLikeDiscordDoes() throws Exception {
        api = login();
        CompletableFuture<Throwable> secondFailure = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            interaction.respondLater().join();
            interaction.createImmediateResponder().setContent("again").respond()
                    .whenComplete((ok, failure) -> secondFailure.complete(failure));
        });

        discord.slashCommand(GUILD, GENERAL, MEMBER, "ask", Map.of("question", "twice?"));

        assertThat(secondFailure.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(discord.violations()).singleElement().asString()
                .contains("(create_interaction_response)").contains("second callback");
        assertThat(discord.requests()).last().extracting(RecordedRequest::status).isEqualTo(400);
    }

    @Test
    void theFirstFollowUpAfterADeferralReplacesTheThinkingMessage() throws Exception {
        api = login();
        CompletableFuture<Message> followUp = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            interaction.respondLater()
                    .thenCompose(updater -> interaction.createFollowupMessageBuilder().setContent("Done").send())
                    .whenComplete((m, e) -> {
                        if (e != null) {
                            followUp.completeExceptionally(e);
                        } else {
                            followUp.complete(m);
                        }
                    });
        });

        Interaction sent = discord.slashCommand(GUILD, GENERAL, MEMBER, "ask", Map.of("question", "q"));

        Message message = followUp.get(10, TimeUnit.SECONDS);
        assertThat(discord.interactionMessages(sent)).singleElement()
                .satisfies(m -> assertThat(m.path("id").asLong()).isEqualTo(message.getId()))
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("Done"));
        assertThat(discord.requests()).filteredOn(r -> r.is("POST", "/webhooks/.*"))
                .singleElement().extracting(RecordedRequest::status).isEqualTo(200);
        assertCleanRun();
    }

    @Test
    void aCallbackAfterTheDeadlineIsRefusedAsUnknownInteraction() throws Exception {
        discord.interactionCallbackDeadline(Duration.ofMillis(100));
        api = login();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        api.addSlashCommandCreateListener(event -> {
            try {
                Thread.sleep(300); // a slow answer that did not defer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            event.getSlashCommandInteraction().createImmediateResponder().setContent("late").respond()
                    .whenComplete((ok, e) -> failure.complete(e));
        });

        discord.slashCommand(GUILD, GENERAL, MEMBER, "ask", Map.of("question", "slow?"));

        assertThat(failure.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(discord.violations()).singleElement().asString()
                .contains("(create_interaction_response)").contains("ms after the interaction");
        assertThat(discord.requests()).last().extracting(RecordedRequest::status).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ 4b. components

    private static ActionRow voteRow(String recordId) {
        return ActionRow.of(Button.success("vote:" + recordId + ":helpful", "Helpful"),
                Button.secondary("vote:" + recordId + ":not-helpful", "Not helpful"));
    }

    private Message sendWithComponents(String content, ActionRow... rows) throws Exception {
        ServerTextChannel general = api.getServerTextChannelById(GENERAL).orElseThrow();
        return new MessageBuilder().setContent(content).addComponents(rows).send(general).get(5, TimeUnit.SECONDS);
    }

    @Test
    void buttonsWithinDiscordsLimitsPassAndTooManyButtonsRowsOrRepeatedIdsAreRefused() throws Exception {
        api = login();
        Message ok = sendWithComponents("An answer", voteRow("r1"),
                ActionRow.of(Button.link("https://example.org/article", "Source")));
        assertThat(ok.getComponents()).hasSize(2);
        assertCleanRun();

        List<LowLevelComponent> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Button.primary("b" + i, "B" + i));
        }
        ActionRow[] sixRows = six.stream().map(ActionRow::of).toArray(ActionRow[]::new);
        assertThatThrownBy(() -> sendWithComponents("wide", ActionRow.of(six)))
                .hasMessageContaining("Invalid Form Body");
        assertThatThrownBy(() -> sendWithComponents("tall", sixRows)).hasMessageContaining("Invalid Form Body");
        assertThatThrownBy(() -> sendWithComponents("twice", voteRow("r2"), voteRow("r2")))
                .hasMessageContaining("Invalid Form Body");

        assertThat(discord.violations())
                .anySatisfy(v -> assertThat(v).contains("holds 6 buttons; an action row holds at most 5"))
                .anySatisfy(v -> assertThat(v).contains("6 action rows; a message holds at most 5"))
                .anySatisfy(v -> assertThat(v).contains("'vote:r2:helpful' is used twice"))
                .allSatisfy(v -> assertThat(v).startsWith("POST /channels/" + GENERAL + "/messages (create_message)"));
        assertThat(discord.messagesIn(GENERAL)).hasSize(1);
    }

    @Test
    void aCustomIdOver100CharactersIsRefused() {
        api = login();

        assertThatThrownBy(() -> sendWithComponents("long id", ActionRow.of(Button.primary("x".repeat(101), "X"))))
                .hasMessageContaining("Invalid Form Body");

        assertThat(discord.violations())
                .anySatisfy(v -> assertThat(v).contains("custom_id is 101 characters; it must be 1 to 100"));
        assertThat(discord.messagesIn(GENERAL)).isEmpty();
    }

    @Test
    void aPressReachesJavacordAndItsEphemeralAnswerIsRecordedForThePresserOnly() throws Exception {
        api = login();
        CompletableFuture<ButtonInteraction> seen = new CompletableFuture<>();
        api.addButtonClickListener(event -> {
            ButtonInteraction interaction = event.getButtonInteraction();
            seen.complete(interaction);
            interaction.createImmediateResponder().setContent("Thanks, noted")
                    .setFlags(MessageFlag.EPHEMERAL).respond();
        });
        Message answer = sendWithComponents("The answer", voteRow("r1"));

        Interaction press = discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r1:helpful");

        ButtonInteraction interaction = seen.get(10, TimeUnit.SECONDS);
        assertThat(interaction.getCustomId()).isEqualTo("vote:r1:helpful");
        assertThat(interaction.getUser().getId()).isEqualTo(MEMBER);
        assertThat(interaction.getMessage().getId()).isEqualTo(answer.getId());
        assertThat(interaction.getServer().orElseThrow().getId()).isEqualTo(GUILD);
        JsonNode ack = discord.awaitEphemeralResponse(press);
        assertThat(ack.path("content").asText()).isEqualTo("Thanks, noted");
        assertThat(ack.path("interaction_metadata").path("type").asInt()).isEqualTo(3);
        assertThat(ack.path("interaction_metadata").path("interacted_message_id").asLong()).isEqualTo(answer.getId());
        assertThat(discord.awaitCallback(press).path("type").asInt()).isEqualTo(4);
        assertThat(dispatchedAbout(0, GUILD)).filteredOn("MESSAGE_CREATE"::equals).as("only the answer, not the ack")
                .hasSize(1);
        long ackId = ack.path("id").asLong();
        assertThatThrownBy(() -> discord.pressButton(GUILD, ackId, MODERATOR, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r9:helpful"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no button");
        assertCleanRun();
    }

    @Test
    void aPressCanUpdateItsMessageOrBeAcknowledgedWithNothingVisible() throws Exception {
        api = login();
        api.addButtonClickListener(event -> {
            ButtonInteraction interaction = event.getButtonInteraction();
            if (interaction.getCustomId().endsWith(":helpful")) {
                interaction.createOriginalMessageUpdater().setContent("The answer (thanks!)").update();
            } else {
                interaction.acknowledge();
            }
        });
        Message answer = sendWithComponents("The answer", voteRow("r1"));

        Interaction quiet = discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r1:not-helpful");
        assertThat(discord.awaitCallback(quiet).path("type").asInt()).isEqualTo(6);
        Interaction update = discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r1:helpful");
        assertThat(discord.awaitCallback(update).path("type").asInt()).isEqualTo(7);

        JsonNode updated = discord.awaitMessageIn(GENERAL, m -> m.path("content").asText().contains("thanks"));
        assertThat(updated.path("id").asLong()).isEqualTo(answer.getId());
        // Javacord's updaters always send components: an update that names none takes the buttons away.
        assertThat(discord.awaitCallback(update).path("data").path("components").isArray()).isTrue();
        assertThat(updated.path("components")).isEmpty();
        assertThat(discord.interactionResponse(quiet)).isEmpty();
        assertCleanRun();
    }

    @Test
    void aModalOpenedFromAButtonIsSubmittedWithItsValues() throws Exception {
        api = login();
        CompletableFuture<String> comment = new CompletableFuture<>();
        api.addButtonClickListener(event -> event.getButtonInteraction().respondWithModal("comment:r1",
                "What was wrong or missing?", ActionRow.of(TextInput.create(TextInputStyle.PARAGRAPH, "comment",
                        "What was wrong or missing?", null, 500, false))));
        api.addModalSubmitListener(event -> {
            ModalInteraction modal = event.getModalInteraction();
            comment.complete(modal.getCustomId() + " " + modal.getTextInputValueByCustomId("comment").orElse("?"));
            modal.createImmediateResponder().setContent("Comment saved").setFlags(MessageFlag.EPHEMERAL).respond();
        });
        Message answer = sendWithComponents("The answer", voteRow("r1"));

        Interaction press = discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r1:not-helpful");
        JsonNode modal = discord.awaitModal(press);

        assertThat(modal.path("title").asText()).isEqualTo("What was wrong or missing?");
        assertThatThrownBy(() -> discord.submitModal(press, Map.of("comment", "x".repeat(501))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 500");
        assertThatThrownBy(() -> discord.submitModal(press, Map.of("other", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no text inputs [other]");
        Interaction submit = discord.submitModal(press, Map.of("comment", "It missed the 1998 edition"));
        assertThat(comment.get(10, TimeUnit.SECONDS)).isEqualTo("comment:r1 It missed the 1998 edition");
        JsonNode saved = discord.awaitEphemeralResponse(submit);
        assertThat(saved.path("content").asText()).isEqualTo("Comment saved");
        assertThat(saved.path("interaction_metadata").path("triggering_interaction_metadata").path("type").asInt())
                .isEqualTo(3);
        assertThatThrownBy(() -> discord.submitModal(press, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("submitted already");
        assertCleanRun();
    }

    @Test
    void aModalTitleOver45CharactersIsRefused() throws Exception {
        api = login();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        api.addButtonClickListener(event -> event.getButtonInteraction().respondWithModal("m", "x".repeat(46),
                        ActionRow.of(TextInput.create(TextInputStyle.SHORT, "a", "A")))
                .whenComplete((ok, e) -> failure.complete(e)));
        Message answer = sendWithComponents("The answer", voteRow("r1"));

        discord.pressButton(GUILD, answer.getId(), MEMBER, "vote:r1:not-helpful");

        assertThat(failure.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(discord.violations())
                .anySatisfy(v -> assertThat(v).contains("(create_interaction_response)")
                        .contains("title must be 1 to 45 characters; it is 46"));
        assertThat(discord.requests()).last().extracting(RecordedRequest::status).isEqualTo(400);
    }

    // ------------------------------------------------------------------------------------------ 5. rate limits

    @Test
    void javacordRetriesAfterA429AndTheReplyStillArrives() throws Exception {
        api = login();
        discord.respondNext("POST", "/channels/\\d+/messages", 429, Map.of("Retry-After", "1"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}");
        CompletableFuture<Message> reply = new CompletableFuture<>();
        api.addMessageCreateListener(event -> {
            if (!event.getMessageAuthor().isYourself()) {
                event.getChannel().sendMessage("pong").whenComplete((m, e) -> {
                    if (e != null) {
                        reply.completeExceptionally(e);
                    } else {
                        reply.complete(m);
                    }
                });
            }
        });

        long start = System.nanoTime();
        discord.postMessage(GUILD, GENERAL, MEMBER, "ping");

        assertThat(reply.get(10, TimeUnit.SECONDS).getContent()).isEqualTo("pong");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(discord.requests()).filteredOn(r -> r.is("POST", "/channels/\\d+/messages"))
                .extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(elapsedMs).as("Javacord waited for retry_after").isGreaterThanOrEqualTo(900);
        assertThat(discord.messagesIn(GENERAL)).extracting(m -> m.path("content").asText())
                .containsExactly("ping", "pong");
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ 6. reconnect

    @Test
    void afterOp7TheBotResumesAndStillReceivesMessages() throws Exception {
        api = login();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        api.addMessageCreateListener(event -> received.add(event.getMessageContent()));
        discord.postMessage(GUILD, GENERAL, MEMBER, "before");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("before");

        discord.requestReconnect();
        discord.postMessage(GUILD, GENERAL, MEMBER, "while reconnecting");
        discord.awaitConnected(WAIT);
        discord.postMessage(GUILD, GENERAL, MEMBER, "after");

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("while reconnecting");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(discord.identifyCount()).isEqualTo(1);
        assertThat(discord.resumeCount()).isEqualTo(1);
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ 7. bad token

    @Test
    void aRejectedTokenMakesLoginFailWithoutHanging() {
        discord.rejectToken();
        discord.prepareJavacord();

        CompletableFuture<DiscordApi> login = loginFuture();

        assertThatThrownBy(() -> login.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Websocket closed before READY packet was received");
        assertThat(discord.identifyCount()).isEqualTo(1);
        assertThat(discord.requests()).extracting(RecordedRequest::path).containsExactly("/gateway");
        assertCleanRun();
    }

    @Test
    void aTokenRejectedAfterLoginMakesAuthorizedCallsFailWith401() {
        api = login();
        discord.rejectToken();

        CompletableFuture<?> info = api.requestApplicationInfo();

        assertThatThrownBy(() -> info.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        RecordedRequest last = discord.requests().get(discord.requests().size() - 1);
        assertThat(last.path()).isEqualTo("/oauth2/applications/@me");
        assertThat(last.status()).isEqualTo(401);
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ 8. clean run

    @Test
    void aWholeNormalSessionLeavesNoViolations() throws Exception {
        api = login();
        api.bulkOverwriteGlobalApplicationCommands(Set.of(askCommand(), sourcesCommand())).join();
        api.bulkOverwriteServerApplicationCommands(GUILD, Set.of(askCommand())).join();
        BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
        api.addMessageCreateListener(event -> {
            // Not isYourself(): the bot's interaction responses come back as webhook messages (webhook_id = the
            // application id), for which Javacord's isYourself() is false.
            if (!event.getMessageAuthor().isRegularUser()) {
                return;
            }
            event.getChannel().type().join();
            new MessageBuilder()
                    .setContent("Here is what I found, <@" + event.getMessageAuthor().getId() + ">")
                    .addEmbed(new EmbedBuilder().setTitle("Sources").setDescription("Two articles")
                            .addField("metals", "Copper prices rose.").addInlineField("gala", "The gala opened."))
                    .setAllowedMentions(new AllowedMentionsBuilder().build())
                    .send(event.getChannel())
                    .thenAccept(replies::add);
        });
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            if (interaction.getCommandName().equals("ask")) {
                interaction.respondLater()
                        .thenCompose(updater -> updater.setContent("Deferred answer").update())
                        .thenCompose(original -> interaction.createFollowupMessageBuilder()
                                .setContent("And a follow-up").send())
                        .thenCompose(followUp -> interaction.createFollowupMessageBuilder()
                                .setContent("And an edited follow-up").update(followUp.getId()));
            } else {
                interaction.createImmediateResponder().setContent("No sources yet").respond();
            }
        });

        discord.postMessage(GUILD, GENERAL, MEMBER, "what about copper?");
        Message reply = replies.poll(10, TimeUnit.SECONDS);
        assertThat(reply).isNotNull();
        assertThat(reply.getEmbeds()).singleElement().satisfies(e -> assertThat(e.getFields()).hasSize(2));
        reply.edit("Here is what I found (edited)").get(5, TimeUnit.SECONDS);

        Interaction ask = discord.slashCommand(GUILD, ANSWERS, MODERATOR, "ask", Map.of("question", "copper?"));
        assertThat(discord.awaitInteractionResponse(ask, "And an edited follow-up"::equals, WAIT)).isNotNull();
        assertThat(discord.interactionMessages(ask)).extracting(m -> m.path("content").asText())
                .containsExactly("Deferred answer", "And an edited follow-up");
        Interaction sources = discord.slashCommand(GUILD, GENERAL, MODERATOR, "sources", "list", Map.of());
        assertThat(discord.awaitInteractionResponse(sources, c -> true, WAIT)).isEqualTo("No sources yet");

        discord.requestReconnect();
        discord.awaitConnected(WAIT);
        discord.postMessage(GUILD, GENERAL, OWNER, "and after a reconnect?");
        assertThat(replies.poll(10, TimeUnit.SECONDS)).isNotNull();

        assertThat(discord.requests()).extracting(r -> r.method() + " " + r.path().replaceAll("\\d{6,}", "N")
                        .replaceAll("/aW50[^/]+", "/TOKEN") + " " + r.status())
                .contains("GET /gateway 200", "GET /oauth2/applications/@me 200",
                        "PUT /applications/N/commands 200", "PUT /applications/N/guilds/N/commands 200",
                        "POST /channels/N/typing 204", "POST /channels/N/messages 200",
                        "PATCH /channels/N/messages/N 200", "POST /interactions/N/TOKEN/callback 204",
                        "PATCH /webhooks/N/TOKEN/messages/@original 200", "POST /webhooks/N/TOKEN 200",
                        "PATCH /webhooks/N/TOKEN/messages/N 200");
        assertThat(discord.messagesIn(GENERAL)).extracting(m -> m.path("content").asText())
                .containsExactly("what about copper?", "Here is what I found (edited)", "No sources yet",
                        "and after a reconnect?", "Here is what I found, <@" + OWNER + ">");
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ 9. sharding

    @Test
    void eachShardSeesOnlyTheGuildsWhoseIdsMapToIt() {
        assertThat((GUILD >> 22) % 2).as("GUILD's shard of 2").isZero();
        assertThat((SHARD_ONE_GUILD >> 22) % 2).as("SHARD_ONE_GUILD's shard of 2").isOne();
        addShardOneGuild();

        List<DiscordApi> clients = loginAsShards(2);

        assertThat(clients.get(0).getServers()).extracting(Server::getId).containsExactly(GUILD);
        assertThat(clients.get(1).getServers()).extracting(Server::getId).containsExactly(SHARD_ONE_GUILD);
        assertThat(discord.identifiedShards()).containsExactlyInAnyOrder(
                new DiscordEmulator.Shard(0, 2), new DiscordEmulator.Shard(1, 2));
        for (int shard = 0; shard < 2; shard++) {
            discord.awaitShardConnected(shard, WAIT);
            JsonNode ready = discord.dispatchesTo(shard).get(0);
            assertThat(ready.path("t").asText()).isEqualTo("READY");
            assertThat(ready.path("s").asInt()).as("each session numbers its own dispatches").isEqualTo(1);
            assertThat(ready.path("d").path("shard").toString()).isEqualTo("[" + shard + ",2]");
            long ownGuild = shard == 0 ? GUILD : SHARD_ONE_GUILD;
            assertThat(ready.path("d").path("guilds")).singleElement()
                    .satisfies(g -> assertThat(g.path("id").asLong()).isEqualTo(ownGuild));
        }
        assertThat(dispatchedAbout(0, GUILD)).containsExactly("GUILD_CREATE");
        assertThat(dispatchedAbout(1, SHARD_ONE_GUILD)).containsExactly("GUILD_CREATE");
        assertThat(dispatchedAbout(0, SHARD_ONE_GUILD)).isEmpty();
        assertThat(dispatchedAbout(1, GUILD)).isEmpty();
        assertThat(discord.requests()).filteredOn(r -> r.is("GET", "/oauth2/applications/@me")).hasSize(2);
        assertCleanRun();
    }

    @Test
    void aMessageInAGuildReachesOnlyTheClientOfItsShard() throws Exception {
        addShardOneGuild();
        List<DiscordApi> clients = loginAsShards(2);
        List<BlockingQueue<String>> received = List.of(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
        for (int shard = 0; shard < 2; shard++) {
            BlockingQueue<String> queue = received.get(shard);
            clients.get(shard).addMessageCreateListener(event -> queue.add(event.getMessageContent()));
        }

        discord.postMessage(SHARD_ONE_GUILD, SHARD_ONE_GENERAL, MEMBER, "for shard 1");
        discord.postMessage(GUILD, GENERAL, MEMBER, "for shard 0");

        assertThat(received.get(0).poll(10, TimeUnit.SECONDS)).isEqualTo("for shard 0");
        assertThat(received.get(1).poll(10, TimeUnit.SECONDS)).isEqualTo("for shard 1");
        assertThat(received.get(0).poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(received.get(1)).isEmpty();
        assertThat(dispatchedAbout(0, GUILD)).containsExactly("GUILD_CREATE", "MESSAGE_CREATE");
        assertThat(dispatchedAbout(1, SHARD_ONE_GUILD)).containsExactly("GUILD_CREATE", "MESSAGE_CREATE");
        assertThat(dispatchedAbout(0, SHARD_ONE_GUILD)).isEmpty();
        assertThat(dispatchedAbout(1, GUILD)).isEmpty();
        assertCleanRun();
    }

    @Test
    void aSlashCommandGoesOnlyToItsGuildsShardWhileCommandsBelongToTheWholeApplication() {
        addShardOneGuild();
        List<DiscordApi> clients = loginAsShards(2);
        // One shard registers for the application; the command then exists in every guild, whatever its shard.
        clients.get(0).bulkOverwriteGlobalApplicationCommands(Set.of(askCommand())).join();
        List<String> seenBy = new CopyOnWriteArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            String name = "shard " + shard;
            clients.get(shard).addSlashCommandCreateListener(event -> {
                seenBy.add(name);
                event.getSlashCommandInteraction().createImmediateResponder().setContent("answered by " + name)
                        .respond();
            });
        }

        Interaction onShardOne = discord.slashCommand(SHARD_ONE_GUILD, SHARD_ONE_GENERAL, MEMBER, "ask",
                Map.of("question", "which shard?"));
        assertThat(discord.awaitInteractionResponse(onShardOne, c -> true, WAIT)).isEqualTo("answered by shard 1");
        Interaction onShardZero = discord.slashCommand(GUILD, GENERAL, MEMBER, "ask", Map.of("question", "and here?"));
        assertThat(discord.awaitInteractionResponse(onShardZero, c -> true, WAIT)).isEqualTo("answered by shard 0");

        assertThat(seenBy).containsExactly("shard 1", "shard 0");
        assertThat(dispatchedAbout(0, SHARD_ONE_GUILD)).isEmpty();
        assertThat(dispatchedAbout(1, GUILD)).isEmpty();
        assertThat(dispatchedAbout(1, SHARD_ONE_GUILD)).contains("INTERACTION_CREATE");
        assertThat(discord.requests()).filteredOn(r -> r.path().contains("/commands"))
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("PUT /applications/" + discord.applicationId() + "/commands");
        assertCleanRun();
    }

    @Test
    void eventsAboutAGuildAfterLoginGoOnlyToItsShard() throws Exception {
        List<DiscordApi> clients = loginAsShards(2);
        long laterChannel = 810000000000000103L;
        long laterRole = 811000000000000201L;

        addShardOneGuild();
        discord.guild(SHARD_ONE_GUILD).role(laterRole, "late", MANAGE_GUILD);
        discord.guild(GUILD).textChannel(laterChannel, "later");

        await(() -> clients.get(1).getServerTextChannelById(SHARD_ONE_GENERAL).isPresent()
                && clients.get(1).getRoleById(laterRole).isPresent(), "shard 1 knows the new guild");
        await(() -> clients.get(0).getServerTextChannelById(laterChannel).isPresent(), "shard 0 knows the channel");
        assertThat(clients.get(0).getServers()).extracting(Server::getId).containsExactly(GUILD);
        assertThat(dispatchedAbout(0, SHARD_ONE_GUILD)).isEmpty();
        assertThat(dispatchedAbout(1, SHARD_ONE_GUILD))
                .containsExactly("GUILD_CREATE", "CHANNEL_CREATE", "GUILD_ROLE_CREATE");
        assertThat(dispatchedAbout(1, GUILD)).isEmpty();
        assertThat(dispatchedAbout(0, GUILD)).containsExactly("GUILD_CREATE", "CHANNEL_CREATE");
        assertCleanRun();
    }

    @Test
    void eachShardResumesItsOwnSessionAndGetsWhatItMissed() throws Exception {
        addShardOneGuild();
        List<DiscordApi> clients = loginAsShards(2);
        List<BlockingQueue<String>> received = List.of(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
        for (int shard = 0; shard < 2; shard++) {
            BlockingQueue<String> queue = received.get(shard);
            clients.get(shard).addMessageCreateListener(event -> queue.add(event.getMessageContent()));
        }

        discord.requestReconnect();
        discord.postMessage(GUILD, GENERAL, MEMBER, "while shard 0 reconnects");
        discord.postMessage(SHARD_ONE_GUILD, SHARD_ONE_GENERAL, MEMBER, "while shard 1 reconnects");
        discord.awaitConnected(WAIT);

        assertThat(received.get(0).poll(10, TimeUnit.SECONDS)).isEqualTo("while shard 0 reconnects");
        assertThat(received.get(1).poll(10, TimeUnit.SECONDS)).isEqualTo("while shard 1 reconnects");
        assertThat(discord.identifyCount()).isEqualTo(2);
        assertThat(discord.resumeCount()).isEqualTo(2);
        for (int shard = 0; shard < 2; shard++) {
            List<Integer> seqs = discord.dispatchesTo(shard).stream().map(p -> p.path("s").asInt()).toList();
            assertThat(seqs).as("shard %d's sequence numbers", shard)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(discord.dispatchesTo(shard)).extracting(p -> p.path("t").asText()).contains("RESUMED");
        }
        assertCleanRun();
    }

    @Test
    void javacordTakesTheRecommendedShardCountFromGatewayBotAndLogsInEveryShard() throws Exception {
        addShardOneGuild();
        discord.recommendedShards(2);
        discord.prepareJavacord();
        DiscordApiBuilder builder = builder();

        builder.setRecommendedTotalShards().get(10, TimeUnit.SECONDS);
        List<DiscordApi> clients = joinShards(builder.loginAllShards());

        assertThat(builder.getTotalShards()).isEqualTo(2);
        assertThat(clients).extracting(DiscordApi::getCurrentShard).containsExactly(0, 1);
        assertThat(clients.get(0).getServers()).extracting(Server::getId).containsExactly(GUILD);
        assertThat(clients.get(1).getServers()).extracting(Server::getId).containsExactly(SHARD_ONE_GUILD);
        RecordedRequest gatewayBot = discord.awaitRequest("GET", "/gateway/bot", WAIT);
        assertThat(gatewayBot.headers()).containsEntry("authorization", "Bot " + DiscordEmulator.TOKEN);
        assertThat(gatewayBot.status()).isEqualTo(200);
        assertCleanRun();
    }

    @Test
    void anIdentifyWithAnInvalidShardIsClosedWith4010() throws Exception {
        List<String> invalid = List.of("[2,2]", "[0,0]", "[-1,2]", "[1]", "\"0,2\"");
        for (String shard : invalid) {
            RawGatewayClient client = new RawGatewayClient().identify(shard);
            assertThat(client.closeCode.get(5, TimeUnit.SECONDS)).as("close code for shard " + shard)
                    .isEqualTo(4010);
        }

        assertThat(discord.identifyCount()).isEqualTo(invalid.size());
        assertThat(discord.identifiedShards()).isEmpty();
        assertThat(discord.violations()).hasSize(invalid.size())
                .allSatisfy(v -> assertThat(v).startsWith("gateway: IDENTIFY with shard "));
    }

    @Test
    void shardsConnectedAtTheSameTimeMustAgreeOnTheShardCount() {
        new RawGatewayClient().identify("[0,2]");
        discord.awaitShardConnected(0, WAIT);
        new RawGatewayClient().identify("[1,3]");
        discord.awaitShardConnected(1, WAIT);

        assertThat(discord.identifiedShards()).containsExactly(new DiscordEmulator.Shard(0, 2),
                new DiscordEmulator.Shard(1, 3));
        assertThat(discord.violations()).singleElement().asString()
                .isEqualTo("gateway: IDENTIFY as shard [1, 3] while shard [0, 2] is connected; all shards must "
                        + "agree on num_shards");
    }

    @Test
    void aClientThatDoesNotShardIsShardZeroOfOne() {
        new RawGatewayClient().identify(null);
        discord.awaitShardConnected(0, WAIT);

        assertThat(discord.identifiedShards()).containsExactly(new DiscordEmulator.Shard(0, 1));
        assertThat(discord.dispatchesTo(0).get(0).path("d").path("shard").toString()).isEqualTo("[0,1]");
        assertThat(discord.dispatchesTo(1)).isEmpty();
        assertCleanRun();
    }

    // ------------------------------------------------------------------------------------------ housekeeping

    @Test
    void prepareJavacordMakesTheDefaultTrustManagersTrustTheEmulatorAndStillTheUsualAuthorities() throws Exception {
        discord.prepareJavacord();
        discord.prepareJavacord(); // idempotent

        // What OkHttp 4.9 (Platform.platformTrustManager) does when Javacord gives it no socket factory:
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null);
        javax.net.ssl.X509TrustManager trust = (javax.net.ssl.X509TrustManager) factory.getTrustManagers()[0];
        java.security.cert.X509Certificate emulator =
                (java.security.cert.X509Certificate) TlsSupport.emulatorCertificate();

        trust.checkServerTrusted(new java.security.cert.X509Certificate[] {emulator}, "RSA");
        assertThat(trust.getAcceptedIssuers()).hasSizeGreaterThan(1).contains(emulator);
        assertThat(emulator.getSubjectAlternativeNames()).singleElement()
                .isEqualTo(List.of(2, "discord.com"));
    }

    @Test
    void emulatorsStartAndCloseRepeatedlyAndFreeTheirPortsAndThreads() throws Exception {
        for (int i = 0; i < 5; i++) {
            DiscordEmulator other = DiscordEmulator.start();
            int gatewayPort = URI.create(other.gatewayUrl()).getPort();
            int proxyPort = ((java.net.InetSocketAddress) other.proxySelector()
                    .select(URI.create("https://discord.com/api/v10/gateway")).get(0).address()).getPort();
            assertThat(other.proxySelector().select(URI.create("https://example.com/")))
                    .containsExactly(java.net.Proxy.NO_PROXY);
            assertThat(other.proxySelector().select(URI.create(other.gatewayUrl().replace("ws:", "http:"))))
                    .containsExactly(java.net.Proxy.NO_PROXY);
            other.close();
            for (int port : new int[] {gatewayPort, proxyPort}) {
                try (ServerSocket rebind = new ServerSocket()) {
                    rebind.setReuseAddress(true);
                    rebind.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            }
        }
        discord.close();
        await(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName).noneMatch(name ->
                        name.startsWith("discord-emulator-") || name.startsWith("WebSocketSelector-")
                                || name.startsWith("WebSocketWorker-")),
                "the emulators' threads have ended");
    }

    @Test
    void awaitRequestListsWhatArrivedWhenNothingMatches() {
        api = login();
        assertThatThrownBy(() -> discord.awaitRequest("DELETE", "/nothing", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /gateway -> 200")
                .hasMessageContaining("GET /oauth2/applications/@me -> 200");
    }
}
