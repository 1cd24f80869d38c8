package footnote.cli;

import footnote.answer.AnswerModel;
import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.answer.Judge;
import footnote.chat.ChatService;
import footnote.chat.QuestionCheck;
import footnote.chat.ServerSettingsStore;
import footnote.config.AnswersConfig;
import footnote.config.ChatConfig;
import footnote.conversation.Conversations;
import footnote.conversation.FollowUps;
import footnote.conversation.ModelRewriter;
import footnote.conversation.QuestionRewriter;
import footnote.conversation.RewriteModel;
import footnote.config.Config;
import footnote.config.ConfigException;
import footnote.config.DiscordConfig;
import footnote.config.EvidenceConfig;
import footnote.config.FetchConfig;
import footnote.config.InsightsConfig;
import footnote.config.LlmConfig;
import footnote.config.RetrievalConfig;
import footnote.config.SummaryConfig;
import footnote.corpus.Chunker;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.fetch.FetchSettings;
import footnote.fetch.Fetcher;
import footnote.ingest.ArticleFiles;
import footnote.ingest.CopyStore;
import footnote.ingest.SourceManager;
import footnote.ingest.SourceReader;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import footnote.embedding.TokenizerLexicon;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.Ingester;
import footnote.ingest.SourceBoard;
import footnote.ingest.SyncReport;
import footnote.insights.InsightReports;
import footnote.insights.InsightStore;
import footnote.insights.Insights;
import footnote.insights.VoterKey;
import footnote.search.Embedder;
import footnote.search.HybridRetriever;
import footnote.search.IndexSchema;
import footnote.search.IndexUnavailableException;
import footnote.search.Lexicon;
import footnote.search.LuceneIndex;
import footnote.search.PassageIndex;
import footnote.search.TextAnalysis;
import footnote.llm.LangChainSummaryModel;
import footnote.summary.Summarizer;
import footnote.summary.SummaryModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration with plain constructors, and owns what must be
 * closed. Nothing else creates long-lived parts.
 */
public final class App implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Longer than any add takes (fetch time-outs, a feed's entries, indexing): older adds were cut short. */
    static final Duration SHARED_ADD_IN_FLIGHT = Duration.ofMinutes(30);

    final Config config;
    final Embedder embedder;
    final TextAnalysis analysis;
    final Storage storage;
    final PassageIndex index;
    final SourceBoard board = new SourceBoard();
    final Fetcher fetcher;
    final SourceManager sources;
    final SourceReader reader;
    final Ingester ingester;
    final HybridRetriever retriever;
    final Answerer answerer;
    final ServerSettingsStore serverSettings;
    final ExecutorService summaryCalls;
    final Summarizer summarizer;
    final Insights insights;
    final ChatService chat;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Over the embedded index given, with the file stores under {@code index.path}. */
    App(Config config, Embedder embedder, PassageIndex index) {
        this(config, embedder, Storage.files(config, index));
    }

    App(Config config, Embedder embedder, Storage storage) {
        this(config, embedder, storage, judge(config.answers()), config.answers().maxExcerpts());
    }

    App(Config config, Embedder embedder, Storage storage, Judge judge, int maxExcerpts) {
        this.config = config;
        this.embedder = embedder;
        this.analysis = new TextAnalysis();
        this.storage = storage;
        this.index = storage.index();
        RetrievalConfig r = config.retrieval();
        CopyStore copies = storage.copies();
        this.reader = new SourceReader(new ArticleFiles(), copies);
        this.ingester = new Ingester(index, embedder, reader, r.passageWords(), r.minPassageWords(),
                config.sources().maxPassages());
        this.fetcher = new Fetcher(fetchSettings(config));
        this.sources = new SourceManager(storage.registry(), copies, ingester, index,
                fetcher, config.feeds().maxEntriesPerPoll(), board, Clock.systemUTC(),
                Duration.ofMinutes(config.sources().maxJobMinutes()));
        this.retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(r.candidates(), r.denseWeight(), r.depth()));
        this.answerer = new Answerer(retriever, analysis, lexicon(config), embedder, judge, maxExcerpts,
                config.answers().excerptChars());
        this.serverSettings = storage.settings();
        this.summaryCalls = summaryCalls(config.summary().llm().concurrency());
        Optional<LangChainSummaryModel> model = languageModel(config.summary(), System::getenv);
        this.summarizer = summarizer(config.summary(), model, summaryCalls);
        this.insights = insights(config, storage.insights(), System::getenv);
        this.chat = new ChatService(new FollowUps(answerer, analysis, rewriter(config.summary(), model, summaryCalls)),
                conversations(config.chat(), Clock.systemUTC()), sources, sources,
                new QuestionCheck(config.chat().maxQuestionChars()), serverSettings, summarizer, insights,
                new InsightReports(embedder));
    }

    /** What members ask, recorded as {@code insights} says, with voters hashed under {@link #voterKey}. */
    static Insights insights(Config config, InsightStore store, UnaryOperator<String> env) {
        InsightsConfig settings = config.insights();
        return new Insights(store, Clock.systemUTC(), settings.enabled(), Duration.ofDays(settings.retentionDays()),
                voterKey(config.discord(), env));
    }

    /**
     * The secret voters are hashed with, which is never stored with the records. With a Discord token, derived
     * from it: a secret the bot holds anyway and never writes down, the same in every process of a deployment, so
     * a member's second press counts once whichever process takes it. Without one (the terminal), a random secret
     * made at start and kept in memory only: the terminal's one voter is the operator, whose votes on an answer are
     * made in the process that gave it, so nothing needs to match after a restart. A new token makes old answers'
     * voters new too: a member could then vote once more on an answer from before.
     *
     * @param env reads an environment variable (the token's)
     */
    static VoterKey voterKey(DiscordConfig discord, UnaryOperator<String> env) {
        return Optional.ofNullable(env.apply(discord.tokenVariable())).map(String::strip)
                .filter(token -> !token.isEmpty()).map(VoterKey::from).orElseGet(() -> {
                    byte[] secret = new byte[32];
                    new SecureRandom().nextBytes(secret);
                    return VoterKey.from(HexFormat.of().formatHex(secret));
                });
    }

    /**
     * Conversations in memory: at most this many at once, the ones idle longest dropped first. Each holds a few
     * turns of quoted text (a few kB), so the cap bounds them to tens of MB in the busiest server.
     */
    static final int MAX_CONVERSATIONS = 5_000;

    static Conversations conversations(ChatConfig chat, Clock clock) {
        return new Conversations(clock, Duration.ofMinutes(chat.conversationMinutes()), chat.conversationTurns(),
                MAX_CONVERSATIONS);
    }

    /** The configured judge: the shipped answer model, or the hand-set evidence policy. */
    static Judge judge(AnswersConfig answers) {
        return switch (answers.judge()) {
            case MODEL -> AnswerModel.shipped();
            case EVIDENCE -> policy(answers.evidence());
        };
    }

    static EvidencePolicy policy(EvidenceConfig evidence) {
        return new EvidencePolicy(evidence.cosineWeight(), evidence.unknownNamePenalty(), evidence.threshold(),
                evidence.margin());
    }

    static FetchSettings fetchSettings(Config config) {
        FetchConfig f = config.fetch();
        return new FetchSettings(Duration.ofSeconds(f.connectTimeoutSeconds()), Duration.ofSeconds(f.readTimeoutSeconds()),
                f.maxBytes(), f.maxRedirects(), Set.copyOf(f.allowedPorts()), f.unsafeAllowPrivateAddresses(),
                config.feeds().maxEntriesPerPoll(), FetchSettings.defaults().userAgent());
    }

    /**
     * The configured summary. In mode llm without a model name there is no model to call: answers then carry the
     * extractive summary with a note, which the operator is told about once, when the model is built.
     *
     * @param env reads an environment variable (the API key's)
     */
    static Summarizer summarizer(SummaryConfig summary, UnaryOperator<String> env, ExecutorService calls) {
        return summarizer(summary, languageModel(summary, env), calls);
    }

    /** @param model the language model of mode llm, from {@link #languageModel}; empty in the other modes */
    static Summarizer summarizer(SummaryConfig summary, Optional<? extends SummaryModel> model,
            ExecutorService calls) {
        return switch (summary.mode()) {
            case NONE -> Summarizer.none();
            case EXTRACTIVE -> Summarizer.extractive();
            case LLM -> new Summarizer(Summarizer.Mode.MODEL, model.map(SummaryModel.class::cast),
                    summary.sentences(), Duration.ofSeconds(summary.timeoutSeconds()), calls);
        };
    }

    /**
     * The model's rewrite of follow-ups, in mode llm with a model only: it shares the summary's model and call pool,
     * so {@code summary.llm.concurrency} bounds every call to the model. Without it follow-ups are read without a
     * model, which is also what a failed or refused rewrite falls back to.
     */
    static Optional<QuestionRewriter> rewriter(SummaryConfig summary, Optional<? extends RewriteModel> model,
            ExecutorService calls) {
        if (summary.mode() != SummaryConfig.Mode.LLM) {
            return Optional.empty();
        }
        Duration deadline = ModelRewriter.deadline(Duration.ofSeconds(summary.timeoutSeconds()));
        return model.map(m -> new ModelRewriter(m, calls, deadline));
    }

    /**
     * The language model of mode llm, which writes summaries and rewrites follow-ups. None in the other modes, so
     * a model that is configured but not chosen is never called, and none without a model name (logged once).
     */
    static Optional<LangChainSummaryModel> languageModel(SummaryConfig summary, UnaryOperator<String> env) {
        if (summary.mode() != SummaryConfig.Mode.LLM) {
            return Optional.empty();
        }
        LlmConfig llm = summary.llm();
        Optional<LangChainSummaryModel> model = llm.modelName().map(name -> {
            var settings = new LangChainSummaryModel.Settings(llm.baseUrl(), name,
                    Duration.ofSeconds(summary.timeoutSeconds()), llm.temperatureSetting(), llm.maxTokens());
            return switch (llm.provider()) {
                case OLLAMA -> LangChainSummaryModel.ollama(settings);
                case OPENAI -> LangChainSummaryModel.openAi(settings, apiKey(llm, env));
            };
        });
        if (model.isEmpty()) {
            log.warn("summary.mode is llm but summary.llm.model is not set: answers carry the extractive summary"
                    + " and follow-ups are read without a model");
        }
        return model;
    }

    /** The key from the variable the configuration names; without one, requests go without a key. */
    private static Optional<String> apiKey(LlmConfig llm, UnaryOperator<String> env) {
        Optional<String> key = Optional.ofNullable(env.apply(llm.apiKeyVariable())).filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            log.warn("{} is not set: requests to {} go without an API key", llm.apiKeyVariable(), llm.baseUrl());
        }
        return key;
    }

    /**
     * Threads that wait for the summary model: a few calls at once, a short queue, and beyond it the caller is
     * refused (the extractive summary stands in) rather than left waiting behind a slow model.
     */
    static ExecutorService summaryCalls(int concurrency) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency * 4), runnable -> {
                    Thread thread = new Thread(runnable, "summary-model");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Everyday English, from the configured embedding model's tokenizer: what spelling leaves alone. */
    static Lexicon lexicon(Config config) {
        return TokenizerLexicon.of(EmbeddingModelChoice.byName(config.embedding().model()));
    }

    /** Loads the configured embedding model: about a second, and the largest part of start-up. */
    static Embedder embedder(Config config) {
        try {
            return new InProcessEmbedder(EmbeddingModelChoice.byName(config.embedding().model()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("embedding.model: " + e.getMessage(), e);
        }
    }

    /** What an index must have been built with to be used as it is. */
    static String signature(Config config, Embedder embedder) {
        return "schema=" + IndexSchema.VERSION + ";text=" + Chunker.VERSION + ";model=" + embedder.modelId() + ";passages="
                + config.retrieval().passageWords() + "/" + config.retrieval().minPassageWords();
    }

    /**
     * Opens the configured index for writing; when another process holds it, opens it read-only so questions can
     * still be answered from its last commit.
     */
    static PassageIndex configuredIndex(Config config, Embedder embedder, boolean rebuild) {
        Path path = Path.of(config.index().path()).resolve("lucene");
        String signature = signature(config, embedder);
        try {
            return LuceneIndex.openWritable(path, signature, rebuild);
        } catch (IndexUnavailableException e) {
            if (rebuild || e.reason() != IndexUnavailableException.Reason.IN_USE) {
                throw e;
            }
            log.warn("{} Answering from its last commit, read-only.", e.getMessage());
            return LuceneIndex.openReadOnly(path, signature);
        }
    }

    /** The bundled article folders from the configuration, as sources. */
    List<Source> bundledSources() {
        try {
            return BundledSources.in(config.sources().bundled().stream().map(Path::of).toList());
        } catch (IOException e) {
            throw new ConfigException("sources.bundled: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the index in step with the sources, when this process may write it: the given (bundled) ones and
     * those added at run time, after finishing whatever a crash cut short. Updates the source list.
     */
    SyncReport sync(List<Source> bundled, IngestProgress progress) {
        if (!index.writable()) {
            throw new IllegalStateException("the index is read-only in this process");
        }
        // Finishing a crashed process's work is once-only work: with several processes, the leading one does it,
        // and leaves recent adds to the process that may still be running them.
        if (storage.leadership().leads()) {
            sources.recover(storage.cluster().isPresent() ? SHARED_ADD_IN_FLIGHT : Duration.ZERO);
        }
        List<Source> all = new ArrayList<>(bundled);
        all.addAll(sources.registered());
        SyncReport report = ingester.sync(all, sources.untouchable(), progress);
        sources.indexed(report.statuses());
        board.update(report.statuses().stream()
                .filter(s -> s.source().kind() instanceof SourceKind.Bundled).toList());
        return report;
    }

    /** Closes the index, the analysers and the insights writer; safe to call again (a shutdown hook and the main thread may both). */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            sources.close();
            summaryCalls.shutdownNow();
            fetcher.close();
            analysis.close();
            insights.close(); // the records still queued are written before their store closes
            storage.close();
        }
    }
}
