package footnote.chat;

import footnote.conversation.ConversationKey;
import footnote.corpus.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks, and where: the scopes whose sources may answer, the scope that sources added here belong to, the
 * server if any, whether the asker is one of its moderators (as {@link ServerSettings#isModerator} decided), and
 * the conversation a question belongs to, if any: without one, every question is answered as if it were the first.
 */
public record Context(Set<Scope> scopes, Scope own, Optional<String> serverId, boolean moderator,
        Optional<ConversationKey> conversation) {

    public Context {
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(conversation, "conversation");
    }

    public Context(Set<Scope> scopes, Scope own, Optional<String> serverId, boolean moderator) {
        this(scopes, own, serverId, moderator, Optional.empty());
    }

    /** The same asker, in a conversation. */
    public Context in(ConversationKey key) {
        return new Context(scopes, own, serverId, moderator, Optional.of(key));
    }

    /** The terminal: the operator, whose sources serve every server. */
    public static Context terminal() {
        return new Context(Set.of(Scope.GLOBAL), Scope.GLOBAL, Optional.empty(), true);
    }

    /**
     * A member of a Discord server: answered from the server's own sources, and from the ones shipped with the bot
     * unless the server's moderators hid them.
     */
    public static Context server(ServerSettings settings, boolean moderator) {
        Scope own = Scope.server(settings.serverId());
        return new Context(settings.showBundled() ? Set.of(Scope.GLOBAL, own) : Set.of(own), own,
                Optional.of(settings.serverId()), moderator);
    }
}
