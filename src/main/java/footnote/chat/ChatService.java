package footnote.chat;

import footnote.answer.Answerer;
import footnote.corpus.SourceCatalog;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out commands for any adapter. This is the chat boundary: an unexpected failure is logged with its
 * context and becomes a brief {@link Reply.Failure}, never an exception in the adapter's face. Thread-safe.
 */
public final class ChatService {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    static final String FAILURE = "Sorry, something went wrong on my side; the details are in the bot's log.";
    static final String MODERATORS_ONLY = "Only moderators can do that: members with Manage Server, or with a role"
            + " this server's settings name.";

    private final Answerer answerer;
    private final SourceCatalog sources;
    private final QuestionCheck check;
    private final ServerSettingsStore settings;

    public ChatService(Answerer answerer, SourceCatalog sources, QuestionCheck check, ServerSettingsStore settings) {
        this.answerer = answerer;
        this.sources = sources;
        this.check = check;
        this.settings = settings;
    }

    /** The question as it will be searched, or why it cannot be: adapters check before they start work. */
    public Optional<String> problem(String question) {
        return check.problem(check.clean(question));
    }

    public Reply handle(Command command, Context context) {
        try {
            if (command instanceof Command.Ask ask) {
                String question = check.clean(ask.question());
                Optional<String> problem = check.problem(question);
                if (problem.isPresent()) {
                    return new Reply.Refusal(problem.get());
                }
                return new Reply.Answered(answerer.answer(question, context.scopes()));
            }
            if (command instanceof Command.ListSources) {
                return new Reply.Sources(sources.list(context.scopes()));
            }
            if (command instanceof Command.Moderation moderation) {
                return moderate(moderation, context);
            }
            return new Reply.Help();
        } catch (RuntimeException e) {
            log.error("Failed to carry out {} in {}", command, context, e);
            return new Reply.Failure(FAILURE);
        }
    }

    private Reply moderate(Command.Moderation command, Context context) {
        if (context.serverId().isEmpty()) {
            return new Reply.Refusal("Settings belong to a Discord server; there is nothing to set here.");
        }
        if (!context.moderator()) {
            return new Reply.Refusal(MODERATORS_ONLY);
        }
        ServerSettings current = settings.get(context.serverId().get());
        if (command instanceof Command.ModeratorRole role) {
            ServerSettings changed = current.withModeratorRole(role.roleId(), role.on());
            settings.put(changed);
            return new Reply.Settings(changed, Optional.of(role.on()
                    ? "Members with <@&" + role.roleId() + "> are now moderators."
                    : "Members with <@&" + role.roleId() + "> are no longer moderators by that role."));
        }
        if (command instanceof Command.AskChannel channel) {
            ServerSettings changed = current.withAskChannel(channel.channelId(), channel.on());
            settings.put(changed);
            return new Reply.Settings(changed, Optional.of(channel.on()
                    ? "Every message in <#" + channel.channelId() + "> is now taken as a question."
                    : "Messages in <#" + channel.channelId() + "> are no longer taken as questions."));
        }
        return new Reply.Settings(current, Optional.empty());
    }
}
