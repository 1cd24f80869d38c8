package footnote.cli;

import footnote.answer.EvidencePolicy;
import footnote.bench.Memory;
import footnote.answer.Excerpt;
import footnote.chat.Command.Ask;
import footnote.chat.Context;
import footnote.conversation.ConversationKey;
import footnote.chat.Reply;
import footnote.chat.TextRenderer;
import footnote.config.AnswersConfig;
import footnote.config.Config;
import footnote.corpus.Article;
import footnote.corpus.Source;
import footnote.discord.DiscordRenderer;
import footnote.eval.Bm25Baseline;
import footnote.eval.Calibration;
import footnote.eval.EvalQuestion;
import footnote.eval.EvalReport;
import footnote.eval.Outcome;
import footnote.eval.QuestionFiles;
import footnote.ingest.SourceReader;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.SyncReport;
import footnote.search.Embedder;
import footnote.search.LuceneIndex;
import footnote.search.PassageIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures answer quality (and speed) on question files, optionally beside a plain BM25 baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Answers every question in the JSONL files ({\"question\": ..., \"answers\": [...]}; answers []"
                + " means the bot must decline; an optional \"kind\" gets its own row) and prints each miss with what"
                + " was shown, a table of hit@1, hit@3, MRR, abstention and the AUROC of the answer's confidence,"
                + " the length of Footnote's Discord replies, and last a machine-readable line of its own figures.")
final class EvalCommand implements Callable<Integer> {

    /** Answers given before timing starts, cycling through the questions: enough for the JIT to settle. */
    private static final int WARM_UP = 300;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "QUESTIONS", arity = "0..*", description = "JSONL question files.")
    List<Path> questionFiles = new ArrayList<>();

    @Option(names = "--articles", paramLabel = "DIR", arity = "1..*",
            description = "Index these folders of articles into a temporary index instead of the configured sources"
                    + " (question files given among them are taken as questions).")
    List<Path> articles;

    @Option(names = "--index", paramLabel = "DIR",
            description = "With --articles: keep the index in DIR, so a later run skips unchanged articles.")
    Path indexDir;

    @Mixin
    BackendOption backend = new BackendOption();

    @Option(names = "--baseline", description = "Also run plain Lucene BM25 over 100-word windows, side by side.")
    boolean baseline;

    @Option(names = "--hand-set", description = "Also answer with the hand-set evidence policy instead of the trained"
            + " answer model, side by side.")
    boolean handSet;

    @Option(names = "--unanswerable", paramLabel = "FILE", arity = "1..*",
            description = "Question files whose questions all count as unanswerable here (their answers ignored).")
    List<Path> unanswerableFiles = List.of();

    @Option(names = "--after", paramLabel = "QUESTION",
            description = "Ask every question as the next turn after this one, in the same conversation: context must"
                    + " not change how a question that stands on its own is answered.")
    String after;

    @Option(names = "--calibrate", description = "Print the abstention settings that fit these questions best.")
    boolean calibrate;

    @Option(names = "--budget", paramLabel = "SHARE", defaultValue = "0.03",
            description = "With --calibrate: the share of answerable questions it may decline (default ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "2147483647",
            description = "Print at most N misses in full (default: all).")
    int maxMisses;

    @Spec
    CommandSpec spec;

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        Config settings = config.load().measuring();
        if (articles != null) {
            // --articles takes any number of folders, so it swallows the question files that follow it.
            questionFiles.addAll(articles.stream().filter(Files::isRegularFile).toList());
            articles = articles.stream().filter(p -> !Files.isRegularFile(p)).toList();
        }
        if (questionFiles.isEmpty() && unanswerableFiles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing question files (QUESTIONS)");
        }
        settings = backend.apply(settings);
        List<EvalQuestion> questions = questions();
        Embedder embedder = App.embedder(settings);
        String signature = App.signature(settings, embedder);
        Storage storage = articles == null ? Storage.configured(settings, embedder, false)
                : settings.index().solrBackend() ? Storage.solrScratch(Storage.scratchCollections(settings, "eval"),
                        embedder)
                : Storage.files(settings, indexDir == null ? LuceneIndex.inMemory(signature)
                        : LuceneIndex.openWritable(indexDir, signature, false));
        PassageIndex index = storage.index();
        try (App app = new App(settings, embedder, storage)) {
            List<Source> sources = articles == null ? app.bundledSources() : BundledSources.in(articles);
            if (index.writable()) {
                IngestProgress progress = terminal.interactive() ? new ProgressBarListener(terminal.err)
                        : IngestProgress.NONE;
                // Folders given with --articles are the whole corpus; otherwise, everything the bot knows.
                SyncReport report = articles == null ? app.sync(sources, progress) : app.ingester.sync(sources, progress);
                Startup.report(report, terminal, true);
            }
            List<EvalReport.Row> rows = new ArrayList<>();
            rows.add(runFootnote(app, questions, "footnote"));
            if (handSet && settings.answers().judge() != AnswersConfig.Judge.EVIDENCE) {
                // The same index and sources, judged by the hand-set policy instead of the trained model.
                App hand = new App(settings, embedder, storage, App.policy(settings.answers().evidence()),
                        settings.answers().maxExcerpts());
                rows.add(runFootnote(hand, questions, "footnote, hand-set policy"));
            }
            if (baseline) {
                try (Bm25Baseline bm25 = new Bm25Baseline(read(app.reader, sources))) {
                    rows.add(new EvalReport.Row("baseline (BM25, 100 words)", questions.stream()
                            .map(q -> bm25.outcome(q, 3)).toList()));
                }
            }
            if (calibrate) {
                printCalibration(settings, embedder, storage, questions);
            }
            terminal.out.println("Peak heap: " + Memory.peakHeapMegabytes() + " MB");
            EvalReport.print(terminal.out, rows, maxMisses);
        }
        return 0;
    }

    private List<EvalQuestion> questions() throws IOException {
        QuestionFiles reader = new QuestionFiles();
        List<EvalQuestion> questions = new ArrayList<>();
        for (Path file : questionFiles) {
            questions.addAll(reader.read(file));
        }
        for (Path file : unanswerableFiles) {
            reader.read(file).forEach(q -> questions.add(q.asUnanswerable()));
        }
        return after == null ? questions : questions.stream().map(q -> q.after(after)).toList();
    }

    /**
     * Asks through the chat layer, as a user would, and times question to rendered answer after a warm-up; also
     * renders each reply, summary included, as Discord shows it, to measure its length.
     */
    private EvalReport.Row runFootnote(App app, List<EvalQuestion> questions, String name) {
        TextRenderer renderer = new TextRenderer();
        DiscordRenderer discord = new DiscordRenderer();
        for (int i = 0; i < WARM_UP && !questions.isEmpty(); i++) {
            renderer.render(app.chat.handle(new Ask(questions.get(i % questions.size()).question()), Context.terminal()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Integer> replyChars = new ArrayList<>();
        long[] nanos = new long[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            EvalQuestion q = questions.get(i);
            // Each question is a conversation of its own, as a new line after `new` in the terminal.
            Context conversation = Context.terminal().in(ConversationKey.terminal(i));
            q.before().forEach(turn -> app.chat.handle(new Ask(turn), conversation)); // the turns before, unscored
            long start = System.nanoTime();
            Reply reply = app.chat.handle(new Ask(q.question()), conversation);
            renderer.render(reply);
            nanos[i] = System.nanoTime() - start;
            // Outside the timing, so that latency stays question to one rendered answer, as before.
            replyChars.add(discord.render(reply).content().length());
            // A refusal or failure shows no excerpt and states no confidence: a decline at the bottom of the scale.
            outcomes.add(reply.answered().map(answered -> Outcome.of(q, answered.answer()))
                    .orElseGet(() -> new Outcome(q, List.of(), 0)));
        }
        Arrays.sort(nanos);
        if (nanos.length > 0) {
            terminal.out.println(String.format(Locale.ROOT,
                    "Answer latency, question to rendered answer, warm, over %d questions: median %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms",
                    nanos.length, nanos[nanos.length / 2] / 1e6,
                    nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6,
                    nanos[nanos.length - 1] / 1e6));
        }
        return new EvalReport.Row(name, outcomes, replyChars);
    }

    private void printCalibration(Config settings, Embedder embedder, Storage storage,
            List<EvalQuestion> questions) {
        // Quote every candidate whatever its evidence, and record the evidence the policy would have judged.
        App open = new App(settings, embedder, storage, new EvidencePolicy(0, 0, Double.NEGATIVE_INFINITY, 0),
                settings.retrieval().depth());
        List<Calibration.Sample> samples = questions.stream()
                .map(q -> new Calibration.Sample(q.answerable(), open.answerer.answer(q.question(), Context.terminal().scopes())
                        .excerpts().stream().map(Excerpt::evidence).toList()))
                .toList();
        terminal.out.println("Calibration (wrongly declined at most " + budget + "), best first:");
        Calibration.choices(samples, App.policy(settings.answers().evidence()), budget).stream().limit(5)
                .forEach(choice -> terminal.out.println("  " + choice.describe()));
    }

    private static List<Article> read(SourceReader reader, List<Source> sources) throws IOException {
        List<Article> read = new ArrayList<>();
        for (Source source : sources) {
            read.addAll(reader.read(source));
        }
        return read;
    }
}
