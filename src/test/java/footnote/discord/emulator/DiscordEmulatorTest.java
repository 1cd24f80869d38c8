package footnote.discord.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.embed.EmbedBuilder;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
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
    private static final long MANAGE_GUILD = 1L << 5;

    private DiscordEmulator discord;
    private DiscordApi api;

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
        discord.close();
    }

    private DiscordApi login() {
        discord.prepareJavacord();
        return loginFuture().join();
    }

    private CompletableFuture<DiscordApi> loginFuture() {
        return new DiscordApiBuilder()
                .setToken(DiscordEmulator.TOKEN)
                .setProxySelector(discord.proxySelector())
                .addIntents(Intent.MESSAGE_CONTENT)
                .setGatewayIdentifyRatelimiter(() -> { })
                .setShutdownHookRegistrationEnabled(false)
                .login();
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
