package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.conversation.ConversationKey;
import footnote.conversation.Conversations;
import footnote.discord.ConversationPlaces.Place;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.message.MessageCreateEvent;

/**
 * Messages that are questions: a mention of the bot, any message in one of the server's ask channels or in a
 * thread the bot opened for an answer, and a reply to one of the bot's answers. Checks run on Javacord's event
 * thread; the answer, and the thread it may open, on the bot's pool. Messages cannot be ephemeral, so a refusal
 * goes to the asker in a direct message.
 */
final class MessageQuestions {

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    private final ChatService chat;
    private final Conversations conversations;
    private final ServerSettingsStore settings;
    private final Throttle throttle;
    private final Answering answering;
    private final ConversationPlaces places;
    private final DiscordRenderer renderer = new DiscordRenderer();

    MessageQuestions(ChatService chat, ServerSettingsStore settings, Throttle throttle, Answering answering) {
        this.chat = chat;
        this.conversations = chat.conversations();
        this.settings = settings;
        this.throttle = throttle;
        this.answering = answering;
        this.places = new ConversationPlaces(conversations);
    }

    /**
     * Where one answer goes: a channel (the one asked in, or a thread opened for it), the message it replies to if
     * any, and its conversation; {@code linked}: the answer is linked to the conversation.
     */
    private record Destination(TextChannel channel, Optional<Message> replyTo, ConversationKey key,
            boolean linked) {}

    void onMessage(MessageCreateEvent event) {
        Message message = event.getMessage();
        Optional<Server> server = event.getServer();
        User author = event.getMessageAuthor().asUser().orElse(null);
        if (server.isEmpty() || !event.getMessageAuthor().isRegularUser() || author == null) {
            return;
        }
        User me = event.getApi().getYourself();
        boolean mentioned = message.getMentionedUsers().stream().anyMatch(u -> u.getId() == me.getId());
        String serverId = server.get().getIdAsString();
        ServerSettings serverSettings = settings.get(serverId);
        Optional<Place> place = places.ofMessage(message, serverId, serverSettings, me, mentioned);
        String question = withoutMentionOf(me, message.getContent());
        // A picture or a sticker alone in a thread or an ask channel is no question, and no reason to write to
        // its author; a mention with nothing else is refused as an empty question.
        if (place.isEmpty() || (question.isBlank() && !mentioned)) {
            return;
        }
        Context context = answering.context(server.get(), author);
        Optional<Reply.Refusal> refusal = chat.refusal(new Command.Ask(question), context);
        if (refusal.isPresent()) {
            refusePrivately(message, author, refusal.get().message());
            return;
        }
        Throttle.Admission admission = throttle.admit(Answering.member(server.get(), author));
        if (admission instanceof Throttle.Admission.Refused refused) {
            refusePrivately(message, author, refused.message());
            return;
        }
        answering.submit(((Throttle.Admission.Admitted) admission).release(), () -> answer(message, question,
                destination(place.get(), message, question, serverSettings, me), context));
    }

    /** Answers in the destination: sends the first rendering, edits a model's summary into it. */
    private void answer(Message asked, String question, Destination to, Context context) {
        to.channel().type();
        AtomicReference<Message> sent = new AtomicReference<>();
        String server = context.serverId().orElseThrow();
        answering.answer(new Command.Ask(question), context.in(to.key()), reply -> {
            String content = renderer.render(reply).content();
            Message first = sent.get();
            if (first != null) {
                return first.createUpdater().setContent(content).setAllowedMentions(Outgoing.NO_PINGS)
                        .removeAllComponents().addComponents(VoteButtons.under(reply)).applyChanges();
            }
            MessageBuilder builder = new MessageBuilder().setContent(content).setAllowedMentions(Outgoing.NO_PINGS)
                    .addComponents(VoteButtons.under(reply));
            to.replyTo().ifPresent(builder::replyTo);
            return builder.send(to.channel()).thenAccept(message -> {
                sent.set(message);
                if (to.linked()) {
                    conversations.link(Optional.of(server), message.getIdAsString(), to.key());
                }
            });
        }, "the answer to message " + asked.getId() + " in server " + server);
    }

    /**
     * Where the answer goes. A new conversation opens a thread on the question when the server answers in threads
     * and the bot may open one there (waiting for Discord, on the bot's pool); else, or if Discord refuses, it is
     * a reply, and a reply to the reply carries the conversation on.
     */
    private Destination destination(Place place, Message asked, String question, ServerSettings serverSettings,
            User me) {
        String server = serverSettings.serverId();
        if (place instanceof Place.InThread inThread) {
            return new Destination(asked.getChannel(), Optional.empty(), inThread.key(), false);
        }
        if (place instanceof Place.AsReply reply) {
            return new Destination(asked.getChannel(), Optional.of(asked), reply.key(), reply.linked());
        }
        if (serverSettings.answersIn() == ServerSettings.AnswersIn.THREAD
                && AnswerThreads.mayOpenIn(asked.getChannel(), me)) {
            Optional<Destination> thread = AnswerThreads.open(asked, question).join().map(opened -> new Destination(
                    opened, Optional.empty(), ConversationKey.thread(server, opened.getIdAsString()), false));
            if (thread.isPresent()) {
                return thread.get();
            }
        }
        return new Destination(asked.getChannel(), Optional.of(asked),
                ConversationKey.replies(server, asked.getIdAsString()), true);
    }

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
}
