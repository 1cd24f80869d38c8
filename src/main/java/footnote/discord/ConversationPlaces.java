package footnote.discord;

import footnote.chat.ServerSettings;
import footnote.conversation.ConversationKey;
import footnote.conversation.Conversations;
import java.util.Optional;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageReference;
import org.javacord.api.entity.user.User;

/**
 * Which conversation a question belongs to, and so where its answer goes. A message in a thread the bot opened
 * for an answer continues that thread's conversation; a message in an ask channel continues its author's own
 * conversation there (until the conversation expires); a reply to one of the bot's answers continues the
 * answer's conversation; a mention, a reply to a bot message whose conversation has ended, or {@code /ask}
 * starts a new one. Nothing else is a question. Only Javacord's caches and the conversations in memory are
 * read: deciding takes no request to Discord.
 */
final class ConversationPlaces {

    /** Where an answer goes, in which conversation. */
    sealed interface Place {

        /** A plain message in the channel asked in, a thread the bot opened: the thread's conversation. */
        record InThread(ConversationKey key) implements Place {}

        /**
         * A reply to the asking message.
         *
         * @param linked whether the answer is linked to the conversation, so a reply to it carries it on; not in
         *               an ask channel, where each member's messages already hold their own conversation
         */
        record AsReply(ConversationKey key, boolean linked) implements Place {}

        /**
         * A new conversation: in a thread opened on the question where the server wants threads and the bot may
         * open one, else a reply.
         */
        record Opening() implements Place {}
    }

    private final Conversations conversations;

    ConversationPlaces(Conversations conversations) {
        this.conversations = conversations;
    }

    /**
     * Where the answer to a member's message goes; empty when the message is no question for the bot.
     *
     * @param mentioned whether the message mentions the bot
     */
    Optional<Place> ofMessage(Message message, String server, ServerSettings settings, User me, boolean mentioned) {
        Optional<ConversationKey> thread = botThread(message.getChannel(), server, me);
        if (thread.isPresent()) {
            return Optional.of(new Place.InThread(thread.get()));
        }
        String channel = message.getChannel().getIdAsString();
        if (settings.askChannels().contains(channel)) {
            return Optional.of(new Place.AsReply(
                    ConversationKey.askChannel(server, channel, message.getAuthor().getIdAsString()), false));
        }
        Optional<Long> repliedTo = message.getMessageReference().flatMap(MessageReference::getMessageId);
        Optional<ConversationKey> continued = repliedTo
                .flatMap(id -> conversations.linked(Optional.of(server), Long.toUnsignedString(id)));
        if (continued.isPresent()) {
            return Optional.of(new Place.AsReply(continued.get(), true));
        }
        boolean toTheBot = message.getReferencedMessage()
                .filter(replied -> replied.getAuthor().getId() == me.getId()).isPresent();
        return mentioned || toTheBot ? Optional.of(new Place.Opening()) : Optional.empty();
    }

    /** Where the answer to {@code /ask} goes: in the thread it was asked in if the bot opened that, else anew. */
    Place ofCommand(Optional<TextChannel> channel, String server, User me) {
        return channel.flatMap(c -> botThread(c, server, me)).<Place>map(Place.InThread::new)
                .orElseGet(Place.Opening::new);
    }

    /**
     * The conversation of a thread the bot opened for an answer: one it owns, or one whose conversation is live
     * (Javacord may not know a thread's owner when the thread came from an older session).
     */
    private Optional<ConversationKey> botThread(TextChannel channel, String server, User me) {
        Optional<ServerThreadChannel> thread = channel.asServerThreadChannel();
        if (thread.isEmpty()) {
            return Optional.empty();
        }
        ConversationKey key = ConversationKey.thread(server, thread.get().getIdAsString());
        return thread.get().getOwnerId() == me.getId() || conversations.live(key) ? Optional.of(key)
                : Optional.empty();
    }
}
