package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.corpus.Progress;
import footnote.deployment.Leadership;
import footnote.deployment.LoginGate;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.interaction.SlashCommandCreateEvent;
import org.javacord.api.event.message.MessageCreateEvent;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.listener.interaction.SlashCommandCreateListener;
import org.javacord.api.listener.message.MessageCreateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Footnote in Discord: slash commands, mentions and ask channels, answered through the shared {@link ChatService}.
 *
 * <p>Javacord's event threads only ever do quick work: checks, and acknowledging an interaction (Discord allows
 * three seconds). Answering runs on the bot's own bounded pool, so a slow question never holds up the gateway.
 * Every message sets allowed mentions to none.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    private static final String WORKING = "🔎";

    private final ChatService chat;
    private final ServerSettingsStore settings;
    private final Throttle throttle;
    private final ExecutorService answering;
    private final List<String> commandServers;
    private final boolean readAllMessages;
    private final Sharding sharding;
    private final Leadership leadership;
    private final DiscordRenderer renderer = new DiscordRenderer();
    /** One connection per shard this process runs. */
    private volatile List<DiscordApi> apis = List.of();

    /**
     * @param answering      where questions are answered; its queue bounds the work waiting
     * @param commandServers register slash commands in these servers only (instant, for development); empty:
     *                       globally
     * @param readAllMessages ask for the privileged message-content intent, needed for ask channels
     */
    public DiscordBot(ChatService chat, ServerSettingsStore settings, Throttle throttle, ExecutorService answering,
            List<String> commandServers, boolean readAllMessages) {
        this(chat, settings, throttle, answering, commandServers, readAllMessages, Sharding.single(),
                Leadership.alone());
    }

    /**
     * @param sharding   the gateway shards this process runs, of how many
     * @param leadership whether this process registers the slash commands, which a deployment does once
     */
    public DiscordBot(ChatService chat, ServerSettingsStore settings, Throttle throttle, ExecutorService answering,
            List<String> commandServers, boolean readAllMessages, Sharding sharding, Leadership leadership) {
        this.sharding = sharding;
        this.leadership = leadership;
        this.chat = chat;
        this.settings = settings;
        this.throttle = throttle;
        this.answering = answering;
        this.commandServers = List.copyOf(commandServers);
        this.readAllMessages = readAllMessages;
    }

    /**
     * How to reach Discord.
     *
     * @param proxies      how to reach Discord: the JVM's default selector honours the usual proxy settings
     * @param identifyGate waits before each gateway login (IDENTIFY); empty: Javacord's own gate, which spaces
     *                     logins 5.5 s apart within this JVM, as Discord asks. Processes that log in side by side
     *                     (shards) need a gate they share.
     */
    public record Connection(ProxySelector proxies, Optional<LoginGate> identifyGate) {

        public static Connection direct() {
            return new Connection(ProxySelector.getDefault(), Optional.empty());
        }
    }

    /**
     * Which gateway shards this process runs. Discord sends each shard the events of the servers whose
     * {@code (id >> 22) % total} is that shard, and direct messages to shard 0.
     */
    public record Sharding(int total, List<Integer> shards) {
        public Sharding {
            shards = List.copyOf(shards);
            if (total < 1 || shards.isEmpty() || shards.stream().anyMatch(s -> s < 0 || s >= total)) {
                throw new IllegalArgumentException("shards " + shards + " of " + total);
            }
        }

        public static Sharding single() {
            return new Sharding(1, List.of(0));
        }
    }


    /**
     * Logs in, registers the slash commands and starts answering.
     *
     * @throws DiscordLoginException when Discord refuses the token or cannot be reached
     */
    public void start(String token, Connection connection) {
        TokenCheck.verify(token, connection.proxies());
        DiscordApiBuilder builder = new DiscordApiBuilder().setToken(token).setProxySelector(connection.proxies())
                .setShutdownHookRegistrationEnabled(false).setTotalShards(sharding.total());
        connection.identifyGate().ifPresent(gate -> builder.setGatewayIdentifyRatelimiter(gate::await));
        if (readAllMessages) {
            builder.addIntents(Intent.MESSAGE_CONTENT);
        }
        // Listening from the first event: added after login, a question asked the moment a shard connects is lost.
        builder.addSlashCommandCreateListener((SlashCommandCreateListener) this::onSlashCommand);
        builder.addMessageCreateListener((MessageCreateListener) this::onMessage);
        List<DiscordApi> connected = new ArrayList<>();
        try {
            for (CompletableFuture<DiscordApi> shard : builder.loginShards(
                    sharding.shards().stream().mapToInt(Integer::intValue).toArray())) {
                connected.add(shard.join());
            }
        } catch (CompletionException | IllegalStateException e) {
            connected.forEach(api -> api.disconnect().join());
            throw new DiscordLoginException(loginProblem(e, token));
        }
        apis = List.copyOf(connected);
        // Commands belong to the application, not to a shard or a process: the leading process registers them.
        leadership.onLeading(this::registerCommands);
        log.info("Connected to Discord as {} on shards {} of {}, in {} servers",
                apis.get(0).getYourself().getDiscriminatedName(), sharding.shards(), sharding.total(),
                apis.stream().mapToInt(api -> api.getServers().size()).sum());
    }

    private void registerCommands() {
        DiscordApi api = apis.get(0);
        if (commandServers.isEmpty()) {
            api.bulkOverwriteGlobalApplicationCommands(SlashCommands.definitions()).join();
            return;
        }
        for (String server : commandServers) {
            api.bulkOverwriteServerApplicationCommands(Long.parseLong(server), SlashCommands.definitions()).join();
        }
    }

    /**
     * The token was accepted just before, so a login that fails now is most often Discord refusing the privileged
     * Message Content intent, which must be switched on in the developer portal.
     */
    private String loginProblem(Throwable e, String token) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        String detail = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName())
                .replace(token, "[token]").lines().findFirst().orElse("");
        return "Could not log in to Discord: " + detail + (readAllMessages
                ? " If the Message Content intent is not enabled for this bot in the developer portal, enable it"
                        + " or set discord.readAllMessages: false."
                : "");
    }

    // Slash commands: checks and the acknowledgement on Javacord's thread, the answer on ours.

    private void onSlashCommand(SlashCommandCreateEvent event) {
        SlashCommandInteraction interaction = event.getSlashCommandInteraction();
        Optional<Server> server = interaction.getServer();
        Optional<Command> translated = SlashCommands.translate(interaction);
        if (server.isEmpty() || translated.isEmpty()) {
            respondNow(interaction, new Reply.Refusal("I don't know that command here; try /help."));
            return;
        }
        Command command = translated.get();
        Context context = context(server.get(), interaction.getUser());
        Optional<Reply.Refusal> refusal = chat.refusal(command, context);
        if (refusal.isPresent()) {
            respondNow(interaction, refusal.get());
            return;
        }
        if (command.isQuestion()) {
            Throttle.Admission admission = throttle.admit(member(server.get(), interaction.getUser()));
            if (admission instanceof Throttle.Admission.Refused refused) {
                respondNow(interaction, new Reply.Refusal(refused.message()));
                return;
            }
            Runnable release = ((Throttle.Admission.Admitted) admission).release();
            interaction.respondLater().thenAccept(updater -> submit(release, () -> answer(command, context, reply -> {
                OutgoingMessage message = renderer.render(reply);
                return updater.setContent(message.content()).setAllowedMentions(Outgoing.NO_PINGS)
                        .setFlags(MessageFlag.SUPPRESS_EMBEDS).update();
            }, "/ask in server " + server.get().getId()))).exceptionally(e -> {
                release.run();
                log.warn("Could not acknowledge /ask in server {}: {}", server.get().getId(), e.toString());
                return null;
            });
            return;
        }
        if (command.slow()) {
            // Fetching and embedding take longer than Discord's three seconds: acknowledge, then show progress.
            interaction.respondLater().thenAccept(updater -> {
                ProgressMessage progress = new ProgressMessage(updater, Clock.systemUTC());
                chat.perform(command, context, progress)
                        .thenCompose(reply -> progress.finish(renderer.render(reply)))
                        .exceptionally(e -> {
                            log.warn("Could not report /{} in server {}: {}", interaction.getFullCommandName(),
                                    server.get().getId(), e.toString());
                            return null;
                        });
            });
            return;
        }
        respondNow(interaction, chat.handle(command, context));
    }

    private void respondNow(SlashCommandInteraction interaction, Reply reply) {
        OutgoingMessage message = renderer.render(reply);
        EnumSet<MessageFlag> flags = message.ephemeral()
                ? EnumSet.of(MessageFlag.EPHEMERAL, MessageFlag.SUPPRESS_EMBEDS) : EnumSet.of(MessageFlag.SUPPRESS_EMBEDS);
        interaction.createImmediateResponder().setContent(message.content()).setAllowedMentions(Outgoing.NO_PINGS)
                .setFlags(flags).respond()
                .exceptionally(e -> {
                    log.warn("Could not answer /{}: {}", interaction.getFullCommandName(), e.toString());
                    return null;
                });
    }

    // Messages: a mention of the bot, or any message in one of the server's ask channels, is a question.

    private void onMessage(MessageCreateEvent event) {
        Message message = event.getMessage();
        Optional<Server> server = event.getServer();
        if (server.isEmpty() || !event.getMessageAuthor().isRegularUser()) {
            return;
        }
        User me = event.getApi().getYourself();
        boolean mentioned = message.getMentionedUsers().stream().anyMatch(u -> u.getId() == me.getId());
        ServerSettings serverSettings = settings.get(server.get().getIdAsString());
        boolean askChannel = serverSettings.askChannels().contains(message.getChannel().getIdAsString());
        if (!mentioned && !askChannel) {
            return;
        }
        String question = withoutMentionOf(me, message.getContent());
        User author = event.getMessageAuthor().asUser().orElse(null);
        if (author == null) {
            return;
        }
        Context context = context(server.get(), author);
        Optional<Reply.Refusal> refusal = chat.refusal(new Command.Ask(question), context);
        if (refusal.isPresent()) {
            refusePrivately(message, author, refusal.get().message());
            return;
        }
        Throttle.Admission admission = throttle.admit(member(server.get(), author));
        if (admission instanceof Throttle.Admission.Refused refused) {
            refusePrivately(message, author, refused.message());
            return;
        }
        submit(((Throttle.Admission.Admitted) admission).release(), () -> {
            message.getChannel().type();
            AtomicReference<Message> sent = new AtomicReference<>();
            answer(new Command.Ask(question), context, reply -> {
                String content = renderer.render(reply).content();
                Message first = sent.get();
                CompletableFuture<Message> delivery = first == null
                        ? new MessageBuilder().replyTo(message).setContent(content)
                                .setAllowedMentions(Outgoing.NO_PINGS).send(message.getChannel())
                        : first.createUpdater().setContent(content).setAllowedMentions(Outgoing.NO_PINGS)
                                .applyChanges();
                return delivery.thenAccept(sent::set);
            }, "the mention in server " + server.get().getId());
        });
    }

    /**
     * Answers on the calling thread and delivers the excerpts at once. A summary that is ready at once (extractive)
     * goes in the same message; a model's is edited in when it arrives, so a slow model never delays the quotes.
     *
     * @param deliver sends the first rendering, or edits it into the later one
     */
    private void answer(Command command, Context context, Function<Reply, CompletableFuture<?>> deliver,
            String where) {
        Reply answer = chat.perform(command, context, Progress.NONE).join();
        CompletableFuture<Reply> summarized = chat.summarize(answer);
        if (summarized.isDone()) {
            deliver.apply(summarized.join()).join();
            return;
        }
        deliver.apply(answer).join();
        summarized.thenCompose(full -> deliver.apply(full)).exceptionally(e -> {
            log.warn("Could not edit the summary into {}: {}", where, e.toString());
            return null;
        });
    }

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    /** The message's text without the mentions of the bot ("@Footnote who founded Huawei?"). */
    static String withoutMentionOf(User me, String content) {
        return MENTION.matcher(content).replaceAll(m -> m.group(1).equals(me.getIdAsString()) ? " " : m.group())
                .strip();
    }

    /**
     * Messages cannot be ephemeral, so a refusal goes to the asker in a direct message; if their direct messages
     * are closed, a reaction on their message says no instead.
     */
    private void refusePrivately(Message message, User author, String refusal) {
        author.openPrivateChannel()
                .thenCompose(dm -> new MessageBuilder().setContent(renderer.render(new Reply.Refusal(refusal)).content())
                        .setAllowedMentions(Outgoing.NO_PINGS).send(dm))
                .exceptionally(e -> {
                    message.addReaction("⏳");
                    return null;
                });
    }

    // Shared.

    private Context context(Server server, User user) {
        ServerSettings serverSettings = settings.get(server.getIdAsString());
        return Context.server(serverSettings, serverSettings.isModerator(new ServerSettings.Member(
                user.getIdAsString(),
                server.getRoles(user).stream().map(Role::getIdAsString).collect(Collectors.toSet()),
                server.hasPermission(user, PermissionType.MANAGE_SERVER))));
    }

    /** Rate limits count per member of a server. */
    private static String member(Server server, User user) {
        return server.getIdAsString() + "/" + user.getIdAsString();
    }

    /** Runs an answer on the bot's pool; the throttle's permit is released whatever happens. */
    private void submit(Runnable release, Runnable work) {
        try {
            answering.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Failed to send an answer", e);
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            log.warn("Dropped a question: the answering queue is full or shutting down");
        }
    }

    @Override
    public void close() {
        answering.shutdown();
        try {
            answering.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        apis.forEach(api -> api.disconnect().join());
    }
}
