package footnote.chat;

import footnote.conversation.Conversations;
import footnote.conversation.FollowUps;
import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.SourceAdmin;
import footnote.corpus.SourceCatalog;
import footnote.corpus.SourceStatus;
import footnote.corpus.WebAddress;
import footnote.insights.InsightRecord;
import footnote.insights.InsightReport;
import footnote.insights.InsightReports;
import footnote.insights.Insights;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import footnote.summary.Summarizer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private final FollowUps followUps;
    private final Conversations conversations;
    private final SourceCatalog catalog;
    private final SourceAdmin admin;
    private final QuestionCheck check;
    private final ServerSettingsStore settings;
    private final Summarizer summarizer;
    /** Empty when this service records nothing: {@code insights} commands then say insights are off. */
    private final Optional<Insights> insights;
    private final Optional<InsightReports> reports;

    /** A service that records no insights (tests and tools that answer without a store). */
    public ChatService(FollowUps followUps, Conversations conversations, SourceCatalog catalog, SourceAdmin admin,
            QuestionCheck check, ServerSettingsStore settings, Summarizer summarizer) {
        this(followUps, conversations, catalog, admin, check, settings, summarizer, Optional.empty(),
                Optional.empty());
    }

    /**
     * @param insights records each question answered or declined, and takes members' votes
     * @param reports  builds the report moderators read
     */
    public ChatService(FollowUps followUps, Conversations conversations, SourceCatalog catalog, SourceAdmin admin,
            QuestionCheck check, ServerSettingsStore settings, Summarizer summarizer, Insights insights,
            InsightReports reports) {
        this(followUps, conversations, catalog, admin, check, settings, summarizer, Optional.of(insights),
                Optional.of(reports));
    }

    private ChatService(FollowUps followUps, Conversations conversations, SourceCatalog catalog, SourceAdmin admin,
            QuestionCheck check, ServerSettingsStore settings, Summarizer summarizer, Optional<Insights> insights,
            Optional<InsightReports> reports) {
        this.followUps = followUps;
        this.conversations = conversations;
        this.catalog = catalog;
        this.admin = admin;
        this.check = check;
        this.settings = settings;
        this.summarizer = summarizer;
        this.insights = insights;
        this.reports = reports;
    }

    /**
     * A member's vote on a recorded answer (the answer's {@link Reply.Answered#recordId}), in the server the
     * context names, or the terminal's; a second vote replaces the first. Waits briefly for the store.
     */
    public VoteResult vote(Context context, String memberId, String recordId, Vote vote) {
        return insights.map(i -> i.vote(insightServer(context), recordId, memberId, vote)).orElse(VoteResult.OFF);
    }

    /** A member's comment on a recorded answer ("what was wrong or missing?"), kept with their vote. */
    public VoteResult comment(Context context, String memberId, String recordId, String text) {
        return insights.map(i -> i.comment(insightServer(context), recordId, memberId, text))
                .orElse(VoteResult.OFF);
    }

    /** Whether answers are recorded, so members' votes on them count. */
    public boolean recordsInsights() {
        return insights.filter(Insights::enabled).isPresent();
    }

    /**
     * The report on a server's records (or the terminal's) over the last {@code days}, any number of them: the
     * operator's command line is not held to the moderators' three windows. Empty when insights are off.
     *
     * @param scopes whose sources answer there: those no answer cited are listed as never cited
     */
    public Optional<InsightReport> insightReport(String server, Set<Scope> scopes, int days) {
        if (!recordsInsights()) {
            return Optional.empty();
        }
        List<InsightReport.SourceUse> sources = catalog.list(scopes).stream()
                .map(s -> new InsightReport.SourceUse(s.source().id(), s.title(), 0)).toList();
        return Optional.of(insights.orElseThrow().report(reports.orElseThrow(), server, days, sources));
    }

    /** The servers with records (the terminal's as {@link InsightRecord#TERMINAL}); none when insights are off. */
    public List<String> insightServers() {
        return insights.map(Insights::servers).orElse(List.of());
    }

    /** Where a context's records are kept: its Discord server, or the terminal's own. */
    private static String insightServer(Context context) {
        return context.serverId().orElse(InsightRecord.TERMINAL);
    }

    /**
     * Why a command will be refused, found without doing any work: a bad question, a moderators' command from
     * someone else, a malformed URL. Adapters ask first, so that a refusal can go to the asker alone at once.
     */
    public Optional<Reply.Refusal> refusal(Command command, Context context) {
        if (command.forModerators() && !context.moderator()) {
            return Optional.of(new Reply.Refusal(MODERATORS_ONLY));
        }
        return command.accept(new Refusals(check, context)).map(Reply.Refusal::new);
    }

    /** The conversations questions are asked in: adapters link their answers to them and end them. */
    public Conversations conversations() {
        return conversations;
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
        Optional<Reply.Answered> found = reply.answered().filter(answered -> answered.answer().found());
        if (found.isEmpty()) {
            return now(reply);
        }
        Reply.Answered answered = found.get();
        try {
            return summarizer.summarize(answered.answer())
                    .<Reply>thenApply(answered::with)
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
            return command.accept(new Work(context, progress)).exceptionally(e -> failure(command, context, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(command, context, e));
        }
    }

    /** Carries out each command; runs after the refusals, so a URL here parses and settings have a server. */
    private final class Work implements Command.Visitor<CompletableFuture<Reply>> {

        private final Context context;
        private final Progress progress;

        Work(Context context, Progress progress) {
            this.context = context;
            this.progress = progress;
        }

        @Override
        public CompletableFuture<Reply> ask(Command.Ask command) {
            String question = check.clean(command.question());
            FollowUps.Answered answered = followUps.answer(question,
                    context.conversation().map(conversations::recent).orElse(List.of()), context.scopes());
            context.conversation().ifPresent(key -> conversations.add(key, answered.turn()));
            // Recorded off the answering path: this only queues the record (small talk is not recorded).
            Optional<String> recordId = insights.flatMap(i -> i.record(insightServer(context), question,
                    answered.answer(), answered.inContext()));
            return now(new Reply.Answered(answered.answer(), Optional.empty(), answered.inContext(), recordId));
        }

        @Override
        public CompletableFuture<Reply> insights(Command.Insights command) {
            return now(insightReport(insightServer(context), context.scopes(), command.days())
                    .<Reply>map(Reply.Insights::new).orElseGet(Reply.InsightsOff::new));
        }

        /**
         * Deletes even while insights are off: records made before they were turned off stay until the retention,
         * and a moderator asking to delete members' questions is never refused.
         */
        @Override
        public CompletableFuture<Reply> forgetInsights(Command.ForgetInsights command) {
            return now(insights.<Reply>map(i -> new Reply.InsightsForgotten(i.forget(insightServer(context))))
                    .orElseGet(Reply.InsightsOff::new));
        }

        @Override
        public CompletableFuture<Reply> help(Command.Help command) {
            return now(new Reply.Help());
        }

        @Override
        public CompletableFuture<Reply> listSources(Command.ListSources command) {
            return now(page(catalog.list(context.scopes()), command.page()));
        }

        @Override
        public CompletableFuture<Reply> addSource(Command.AddSource command) {
            return admin.add(context.own(), url(command.url()).orElseThrow(), progress)
                    .thenApply(Reply.SourceChanged::new);
        }

        @Override
        public CompletableFuture<Reply> uploadSource(Command.UploadSource command) {
            return admin.upload(context.own(), command.fileName(), location(command.location()), progress)
                    .thenApply(Reply.SourceChanged::new);
        }

        @Override
        public CompletableFuture<Reply> removeSource(Command.RemoveSource command) {
            return admin.remove(context.own(), command.id()).thenApply(Reply.SourceChanged::new);
        }

        @Override
        public CompletableFuture<Reply> refreshSources(Command.RefreshSources command) {
            return admin.refresh(context.own(), command.id(), progress).thenApply(Reply.SourceChanged::new);
        }

        @Override
        public CompletableFuture<Reply> sourceJobs(Command.SourceJobs command) {
            return now(new Reply.Jobs(admin.jobs(context.own())));
        }

        @Override
        public CompletableFuture<Reply> showSettings(Command.ShowSettings command) {
            return now(new Reply.Settings(settings.get(serverId()), Optional.empty()));
        }

        @Override
        public CompletableFuture<Reply> moderatorRole(Command.ModeratorRole command) {
            return now(change(command));
        }

        @Override
        public CompletableFuture<Reply> askChannel(Command.AskChannel command) {
            return now(change(command));
        }

        @Override
        public CompletableFuture<Reply> bundledSources(Command.BundledSources command) {
            return now(change(command));
        }

        @Override
        public CompletableFuture<Reply> answers(Command.Answers command) {
            return now(change(command));
        }

        @Override
        public CompletableFuture<Reply> digest(Command.Digest command) {
            return now(change(command));
        }

        /** The reply says what changed as data; each renderer words it (Discord names roles as mentions). */
        private Reply change(Command.SettingChange change) {
            ServerSettings changed = change.applyTo(settings.get(serverId()));
            settings.put(changed);
            return new Reply.Settings(changed, Optional.of(change));
        }

        private String serverId() {
            return context.serverId().orElseThrow();
        }
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
