package footnote.chat;

import java.util.Objects;
import java.util.Set;

/**
 * One server's own settings, kept apart from every other server's: which roles count as moderators (besides
 * members with Manage Server), in which channels every message is taken as a question, whether the sources
 * shipped with the bot answer there, and where an answer that starts a conversation goes.
 */
public record ServerSettings(String serverId, Set<String> moderatorRoles, Set<String> askChannels,
        boolean showBundled, AnswersIn answersIn) {

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
    }

    public static ServerSettings empty(String serverId) {
        return new ServerSettings(serverId, Set.of(), Set.of(), true, AnswersIn.THREAD);
    }

    /** Moderators may change the bot's sources and settings for their server. */
    public boolean isModerator(Member member) {
        return member.managesServer() || member.roleIds().stream().anyMatch(moderatorRoles::contains);
    }

    public ServerSettings withModeratorRole(String roleId, boolean on) {
        return new ServerSettings(serverId, toggle(moderatorRoles, roleId, on), askChannels, showBundled, answersIn);
    }

    public ServerSettings withAskChannel(String channelId, boolean on) {
        return new ServerSettings(serverId, moderatorRoles, toggle(askChannels, channelId, on), showBundled,
                answersIn);
    }

    public ServerSettings withBundled(boolean shown) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, shown, answersIn);
    }

    public ServerSettings withAnswersIn(AnswersIn where) {
        return new ServerSettings(serverId, moderatorRoles, askChannels, showBundled, where);
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
