package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.conversation.ConversationKey;
import footnote.deployment.Leadership;
import footnote.deployment.LoginGate;
import footnote.discord.ConversationPlaces.Place;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.interaction.SlashCommandCreateEvent;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import org.javacord.api.listener.interaction.ButtonClickListener;
import org.javacord.api.listener.interaction.ModalSubmitListener;
import org.javacord.api.listener.interaction.SlashCommandCreateListener;
import org.javacord.api.listener.message.MessageCreateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Footnote in Discord: slash commands here, mentions and other messages that ask in {@link MessageQuestions}, all
 * answered through the shared {@link ChatService}, each question in its conversation ({@link ConversationPlaces}):
 * a thread opened on the question, replies to the bot's answers, or a member's messages in an ask channel.
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
    private final Answering answering;
    private final MessageQuestions messages;
    private final ConversationPlaces places;
    private final List<String> commandServers;
    private final boolean readAllMessages;
    private final Sharding sharding;
    private final Leadership leadership;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final Feedback feedback;
    private final InsightPosts reports;
    private final Digests digests;
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
        this(chat, settings, throttle, answering, commandServers, readAllMessages, sharding, leadership,
                Clock.systemUTC());
    }

    /** @param clock when weekly digests are due */
    DiscordBot(ChatService chat, ServerSettingsStore settings, Throttle throttle, ExecutorService answering,
            List<String> commandServers, boolean readAllMessages, Sharding sharding, Leadership leadership,
            Clock clock) {
        this.sharding = sharding;
        this.leadership = leadership;
        this.chat = chat;
        this.settings = settings;
        this.throttle = throttle;
        this.answering = new Answering(chat, settings, answering);
        this.messages = new MessageQuestions(chat, settings, throttle, this.answering);
        this.places = new ConversationPlaces(chat.conversations());
        this.feedback = new Feedback(chat, this.answering, renderer);
        this.reports = new InsightPosts(chat, this.answering, renderer);
        this.digests = new Digests(settings, reports, leadership,
                sharding.shards().size() == sharding.total(), clock, () -> apis);
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
        builder.addMessageCreateListener((MessageCreateListener) messages::onMessage);
        builder.addButtonClickListener((ButtonClickListener) feedback::onButton);
        builder.addModalSubmitListener((ModalSubmitListener) feedback::onModal);
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
        digests.start();
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
        Context context = answering.context(server.get(), interaction.getUser());
        Optional<Reply.Refusal> refusal = chat.refusal(command, context);
        if (refusal.isPresent()) {
            respondNow(interaction, refusal.get());
            return;
        }
        if (command instanceof Command.Insights insights) {
            reports.answer(interaction, insights, context);
            return;
        }
        if (command instanceof Command.Ask ask) {
            Throttle.Admission admission = throttle.admit(Answering.member(server.get(), interaction.getUser()));
            if (admission instanceof Throttle.Admission.Refused refused) {
                respondNow(interaction, new Reply.Refusal(refused.message()));
                return;
            }
            Runnable release = ((Throttle.Admission.Admitted) admission).release();
            interaction.respondLater().thenAccept(updater -> answering.submit(release,
                    () -> answerAsk(interaction, updater, ask, context))).exceptionally(e -> {
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

    /**
     * Answers {@code /ask} in the interaction's response. In a thread the bot opened, that is the thread's
     * conversation. Anywhere else it starts one, named after the interaction until the answer is out: then, where
     * the server answers in threads and the bot may, a thread opened on the answer takes the conversation over;
     * else a reply to the answer carries it on.
     */
    private void answerAsk(SlashCommandInteraction interaction, InteractionOriginalResponseUpdater updater,
            Command.Ask ask, Context context) {
        String server = context.serverId().orElseThrow();
        User me = interaction.getApi().getYourself();
        Place place = places.ofCommand(interaction.getChannel(), server, me);
        ConversationKey key = place instanceof Place.InThread inThread ? inThread.key()
                : ConversationKey.replies(server, interaction.getIdAsString());
        AtomicReference<Message> sent = new AtomicReference<>();
        Reply first = answering.answer(ask, context.in(key), reply -> {
            OutgoingMessage message = renderer.render(reply);
            // Javacord sends the components with every edit of the response: the buttons go on each one.
            return updater.setContent(message.content()).setAllowedMentions(Outgoing.NO_PINGS)
                    .setFlags(MessageFlag.SUPPRESS_EMBEDS).removeAllComponents()
                    .addComponents(VoteButtons.under(reply)).update().thenAccept(m -> sent.compareAndSet(null, m));
        }, "/ask in server " + server);
        Message answer = sent.get();
        if (place instanceof Place.InThread || answer == null || first.answered().isEmpty()) {
            return;
        }
        boolean threads = settings.get(server).answersIn() == ServerSettings.AnswersIn.THREAD
                && AnswerThreads.mayOpenIn(answer.getChannel(), me);
        Optional<ConversationKey> thread = threads ? AnswerThreads.open(answer, ask.question()).join()
                .map(opened -> ConversationKey.thread(server, opened.getIdAsString())) : Optional.empty();
        thread.ifPresent(moved -> chat.conversations().move(key, moved));
        chat.conversations().link(Optional.of(server), answer.getIdAsString(), thread.orElse(key));
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

    /**
     * Posts the weekly digests due now that are this process's to post: what the schedule does every hour, and
     * what a test of a deployment calls rather than waiting for the schedule.
     *
     * @return how many were posted
     */
    public int postDueDigests() {
        return digests.postDue();
    }

    @Override
    public void close() {
        digests.close();
        answering.close();
        feedback.close();
        apis.forEach(api -> api.disconnect().join());
    }
}
