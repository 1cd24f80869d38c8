package footnote.chat;

import footnote.corpus.Scope;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks, and where: the scopes whose sources may answer, the scope that sources added here belong to, the
 * server if any, and whether the asker is one of its moderators (as {@link ServerSettings#isModerator} decided).
 */
public record Context(Set<Scope> scopes, Scope own, Optional<String> serverId, boolean moderator) {

    public Context {
        scopes = Set.copyOf(scopes);
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
