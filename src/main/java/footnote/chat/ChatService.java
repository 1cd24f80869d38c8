package footnote.chat;

import footnote.answer.Answerer;
import footnote.corpus.Progress;
import footnote.corpus.SourceAdmin;
import footnote.corpus.SourceCatalog;
import footnote.corpus.SourceStatus;
import footnote.corpus.WebAddress;
import footnote.summary.Summarizer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    /** Sources listed on one page: enough to scan, few enough for one chat message. */
    public static final int PAGE_SIZE = 10;

    private final Answerer answerer;
    private final SourceCatalog catalog;
    private final SourceAdmin admin;
    private final QuestionCheck check;
    private final ServerSettingsStore settings;
    private final Summarizer summarizer;

    public ChatService(Answerer answerer, SourceCatalog catalog, SourceAdmin admin, QuestionCheck check,
            ServerSettingsStore settings, Summarizer summarizer) {
        this.answerer = answerer;
        this.catalog = catalog;
        this.admin = admin;
        this.check = check;
        this.settings = settings;
        this.summarizer = summarizer;
    }

    /**
     * Why a command will be refused, found without doing any work: a bad question, a moderators' command from
     * someone else, a malformed URL. Adapters ask first, so that a refusal can go to the asker alone at once.
     */
    public Optional<Reply.Refusal> refusal(Command command, Context context) {
        if (command instanceof Command.Ask ask) {
            return check.problem(check.clean(ask.question())).map(Reply.Refusal::new);
        }
        if (command instanceof Command.Moderation) {
            if (!context.moderator()) {
                return Optional.of(new Reply.Refusal(MODERATORS_ONLY));
            }
            if (command instanceof Command.AddSource add && url(add.url()).isEmpty()) {
                return Optional.of(new Reply.Refusal(add.url() + " is not a web address; give an http or https URL."));
            }
            if (command instanceof Command.UploadSource upload && context.serverId().isPresent()
                    && url(upload.location()).isEmpty()) {
                // A path names a file on the bot's own machine: only the operator at its terminal may read those.
                return Optional.of(new Reply.Refusal("In a server, upload a file as an attachment."));
            }
            boolean serverOnly = command instanceof Command.ShowSettings || command instanceof Command.ModeratorRole
                    || command instanceof Command.AskChannel || command instanceof Command.BundledSources;
            if (serverOnly && context.serverId().isEmpty()) {
                return Optional.of(new Reply.Refusal("Settings belong to a Discord server; there is nothing to set here."));
            }
        }
        return Optional.empty();
    }

    /** Whether the command may take long (fetching, embedding): adapters acknowledge it first and report progress. */
    public static boolean slow(Command command) {
        return command instanceof Command.AddSource || command instanceof Command.UploadSource
                || command instanceof Command.RefreshSources;
    }

    /** Carries out a command now and waits for it, an answer's summary included. */
    public Reply handle(Command command, Context context) {
        return perform(command, context, Progress.NONE).thenCompose(this::summarize).join();
    }

    /**
     * Adds the summary to an answer; any other reply comes back as it is. A model's summary may take seconds, so
     * adapters show the excerpts first unless this is already done. Never completes exceptionally.
     */
    public CompletableFuture<Reply> summarize(Reply reply) {
        if (!(reply instanceof Reply.Answered answered) || !answered.answer().found()) {
            return now(reply);
        }
        try {
            return summarizer.summarize(answered.answer())
                    .<Reply>thenApply(summary -> new Reply.Answered(answered.answer(), summary))
                    .exceptionally(e -> withoutSummary(answered, e));
        } catch (RuntimeException e) {
            return now(withoutSummary(answered, e));
        }
    }

    private static Reply withoutSummary(Reply.Answered answered, Throwable e) {
        log.error("Failed to summarise the answer to \"{}\"", answered.answer().question(), e);
        return answered;
    }

    /**
     * Carries out a command; slow ones complete the future later, telling {@code progress} how they advance. An
     * answer comes without its summary: {@link #summarize} adds it.
     */
    public CompletableFuture<Reply> perform(Command command, Context context, Progress progress) {
        try {
            Optional<Reply.Refusal> refusal = refusal(command, context);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(refusal.get());
            }
            return carryOut(command, context, progress).exceptionally(e -> failure(command, context, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(command, context, e));
        }
    }

    private CompletableFuture<Reply> carryOut(Command command, Context context, Progress progress) {
        if (command instanceof Command.Ask ask) {
            return now(new Reply.Answered(answerer.answer(check.clean(ask.question()), context.scopes())));
        }
        if (command instanceof Command.ListSources list) {
            return now(page(catalog.list(context.scopes()), list.page()));
        }
        if (command instanceof Command.AddSource add) {
            return admin.add(context.own(), url(add.url()).orElseThrow(), progress).thenApply(Reply.SourceChanged::new);
        }
        if (command instanceof Command.UploadSource upload) {
            return admin.upload(context.own(), upload.fileName(), location(upload.location()), progress)
                    .thenApply(Reply.SourceChanged::new);
        }
        if (command instanceof Command.RemoveSource remove) {
            return admin.remove(context.own(), remove.id()).thenApply(Reply.SourceChanged::new);
        }
        if (command instanceof Command.RefreshSources refresh) {
            return admin.refresh(context.own(), refresh.id(), progress).thenApply(Reply.SourceChanged::new);
        }
        if (command instanceof Command.SourceJobs) {
            return now(new Reply.Jobs(admin.jobs(context.own())));
        }
        if (command instanceof Command.Moderation moderation) {
            return now(settings(moderation, context.serverId().orElseThrow()));
        }
        return now(new Reply.Help());
    }

    private Reply settings(Command.Moderation command, String serverId) {
        ServerSettings current = settings.get(serverId);
        ServerSettings changed;
        String change;
        if (command instanceof Command.ModeratorRole role) {
            changed = current.withModeratorRole(role.roleId(), role.on());
            change = role.on() ? "Members with <@&" + role.roleId() + "> are now moderators."
                    : "Members with <@&" + role.roleId() + "> are no longer moderators by that role.";
        } else if (command instanceof Command.AskChannel channel) {
            changed = current.withAskChannel(channel.channelId(), channel.on());
            change = channel.on() ? "Every message in <#" + channel.channelId() + "> is now taken as a question."
                    : "Messages in <#" + channel.channelId() + "> are no longer taken as questions.";
        } else if (command instanceof Command.BundledSources bundled) {
            changed = current.withBundled(bundled.shown());
            change = bundled.shown() ? "The sources shipped with the bot answer here again."
                    : "The sources shipped with the bot no longer answer here; only this server's own sources do.";
        } else {
            return new Reply.Settings(current, Optional.empty());
        }
        settings.put(changed);
        return new Reply.Settings(changed, Optional.of(change));
    }

    private static Reply.Sources page(List<SourceStatus> sources, int page) {
        int pages = Math.max(1, (sources.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(page, pages);
        int from = (shown - 1) * PAGE_SIZE;
        return new Reply.Sources(sources.subList(from, Math.min(sources.size(), from + PAGE_SIZE)), shown, pages);
    }

    private Reply failure(Command command, Context context, Throwable e) {
        log.error("Failed to carry out {} in {}", command, context, e);
        return new Reply.Failure(FAILURE);
    }

    private static CompletableFuture<Reply> now(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static Optional<URI> url(String text) {
        return WebAddress.parse(text);
    }

    /** An attachment's URL, or, in the terminal, a local path. */
    private static URI location(String text) {
        return url(text).orElseGet(() -> java.nio.file.Path.of(text).toAbsolutePath().toUri());
    }
}
