package footnote.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one conversation happens. Two keys are the same conversation only when every part matches, so a
 * conversation never spans servers, channels, threads or members.
 *
 * @param server the Discord server, empty in the terminal
 * @param where  what kind of place holds the conversation
 * @param place  the thread, channel or first answer message it lives in; a terminal session's number
 * @param member the member whose conversation it is, for places several members share (an ask channel)
 */
public record ConversationKey(Optional<String> server, Where where, String place, Optional<String> member) {

    /** The kinds of place a conversation lives in. */
    public enum Where {
        /** The terminal chat: consecutive lines until {@code new}. */
        TERMINAL,
        /** A Discord thread opened on a question: every message in it. */
        THREAD,
        /** Replies to the bot's answers, starting from the first answer. */
        REPLIES,
        /** One member's messages in an ask channel, while they keep coming. */
        ASK_CHANNEL
    }

    public ConversationKey {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(member, "member");
    }

    /** Names the place but never the member: the key appears in failure logs, which hold no member ids. */
    @Override
    public String toString() {
        return where + " " + server.map(s -> "in server " + s + " ").orElse("") + place
                + member.map(m -> " (one member's)").orElse("");
    }

    public static ConversationKey terminal(long session) {
        return new ConversationKey(Optional.empty(), Where.TERMINAL, Long.toString(session), Optional.empty());
    }

    public static ConversationKey thread(String server, String threadId) {
        return new ConversationKey(Optional.of(server), Where.THREAD, threadId, Optional.empty());
    }

    /** A conversation carried on by replying to the bot's answers, named by the message that started it. */
    public static ConversationKey replies(String server, String firstMessageId) {
        return new ConversationKey(Optional.of(server), Where.REPLIES, firstMessageId, Optional.empty());
    }

    public static ConversationKey askChannel(String server, String channelId, String memberId) {
        return new ConversationKey(Optional.of(server), Where.ASK_CHANNEL, channelId, Optional.of(memberId));
    }
}
