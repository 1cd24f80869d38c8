package footnote.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One server's own settings, kept apart from every other server's: which roles count as moderators (besides
 * members with Manage Server), in which channels every message is taken as a question, whether the sources
 * shipped with the bot answer there, where an answer that starts a conversation goes, and where the weekly
 * insights digest goes.
 *
 * @param digestChannel the channel the weekly insights digest is posted to; empty: no digest
 * @param digestPosted  when the digest was last posted (or claimed, just before posting), kept with the settings so
 *                      that a restarted process, or another one, never posts the same week twice
 */
public record ServerSettings(String serverId, Set<String> moderatorRoles, Set<String> askChannels,
        boolean showBundled, AnswersIn answersIn, Optional<String> digestChannel, Optional<Instant> digestPosted) {

    /**
     * Where an answer that starts a conversation goes, and so where its follow-ups are asked. Answers in an ask
     * channel are replies either way: the channel itself holds its members' conversations.
     */
    public enum AnswersIn {
        /** A thread opened on the question (a reply where the bot may not open one): follow-ups go in the thread. */
        THREAD,
        /** A reply to the question: follow-ups are replies to the answer. */
        REPLY
    }

    public ServerSettings {
        Objects.requireNonNull(serverId, "serverId");
        moderatorRoles = Set.copyOf(moderatorRoles);
        askChannels = Set.copyOf(askChannels);
        Objects.requireNonNull(answersIn, "answersIn");
        Objects.requireNonNull(digestChannel, "digestChannel");
        Objects.requireNonNull(digestPosted, "digestPosted");
    }

    /** Settings without a digest, as they were before digests existed. */
    public ServerSettings(String serverId, Set<String> moderatorRoles, Set<String> askChannels, boolean showBundled,
            AnswersIn answersIn) {
        this(serverId, moderatorRoles, askChannels, showBundled, answersIn, Optional.empty(), Optional.empty());
    }

    public static ServerSettings empty(String serverId) {
        return new ServerSettings(serverId, Set.of(), Set.of(), true, AnswersIn.THREAD);
    }

    /** Moderators may change the bot's sources and settings for their server. */
    public boolean isModerator(Member member) {
        return member.managesServer() || member.roleIds().stream().anyMatch(moderatorRoles::contains);
    }

    public ServerSettings withModeratorRole(String roleId, boolean on) {
        return new ServerSettings(serverId, toggle(moderatorRoles, roleId, on), askChannels, showBundled, answersIn,
                digestChannel, digestPosted);
    }

    public ServerSettings withAskChannel(String channelId, boolean on) {
        return new ServerSettings(serverId, moderatorRoles, toggle(askChannels, channelId, on), showBundled,
                answersIn, digestChannel, digestPosted);
    }

    public ServerSettings withBundled(boolean shown) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, shown, answersIn, digestChannel,
                digestPosted);
    }

    public ServerSettings withAnswersIn(AnswersIn where) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, showBundled, where, digestChannel,
                digestPosted);
    }

    /** Posts the weekly digest to this channel, or to none; the week already posted stays posted. */
    public ServerSettings withDigestChannel(Optional<String> channelId) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, showBundled, answersIn, channelId,
                digestPosted);
    }

    /** Marks the digest as posted at {@code when}. */
    public ServerSettings withDigestPosted(Instant when) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, showBundled, answersIn, digestChannel,
                Optional.of(when));
    }

    private static Set<String> toggle(Set<String> set, String id, boolean on) {
        java.util.Set<String> copy = new java.util.TreeSet<>(set);
        if (on) {
            copy.add(id);
        } else {
            copy.remove(id);
        }
        return copy;
    }

    /**
     * A member of a server as far as permissions go.
     *
     * @param managesServer whether the member holds Discord's Manage Server permission
     */
    public record Member(String userId, Set<String> roleIds, boolean managesServer) {
        public Member {
            roleIds = Set.copyOf(roleIds);
        }
    }
}
