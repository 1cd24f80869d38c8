package footnote.corpus;

import java.util.Objects;

/**
 * Who a passage answers for: every server ({@link #GLOBAL}, the bundled articles) or one Discord server.
 * Every passage carries one, so a server's sources never answer another server's questions.
 */
public record Scope(String id) {

    public static final Scope GLOBAL = new Scope("global");

    public Scope {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("scope id is blank");
        }
    }

    public static Scope server(String serverId) {
        return new Scope("server:" + serverId);
    }
}
