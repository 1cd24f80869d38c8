package footnote.chat;

import footnote.corpus.Scope;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks, and where: the scopes whose sources may answer, the server if any, and whether the asker is one of its
 * moderators (as {@link ServerSettings#isModerator} decided).
 */
public record Context(Set<Scope> scopes, Optional<String> serverId, boolean moderator) {

    public Context {
        scopes = Set.copyOf(scopes);
    }

    /** The terminal: the operator, answered from the sources that serve every server. */
    public static Context terminal() {
        return new Context(Set.of(Scope.GLOBAL), Optional.empty(), true);
    }

    /** A member of a Discord server: answered from the shared sources and that server's own. */
    public static Context server(String serverId, boolean moderator) {
        return new Context(Set.of(Scope.GLOBAL, Scope.server(serverId)), Optional.of(serverId), moderator);
    }
}
