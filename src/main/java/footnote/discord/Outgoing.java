package footnote.discord;

import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;

/** What every message the bot sends carries, whatever its text says. */
final class Outgoing {

    /**
     * Nobody is pinged: not @everyone or @here, no role, no user, not even the person replied to. An excerpt or a
     * question may contain any of these, and quoting them must not notify anyone.
     */
    static final AllowedMentions NO_PINGS = new AllowedMentionsBuilder()
            .setMentionEveryoneAndHere(false)
            .setMentionRoles(false)
            .setMentionUsers(false)
            .setMentionRepliedUser(false)
            .build();

    private Outgoing() {}
}
