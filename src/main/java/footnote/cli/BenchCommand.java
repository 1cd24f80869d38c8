package footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import footnote.answer.Answer;
import footnote.bench.AnswerLatency;
import footnote.bench.BenchReport;
import footnote.bench.CorpusResult;
import footnote.bench.Floor;
import footnote.bench.HostileResult;
import footnote.bench.Memory;
import footnote.bench.RawLucene;
import footnote.bench.SyntheticCorpus;
import footnote.bench.Throughput;
import footnote.chat.Reply;
import footnote.config.Config;
import footnote.config.SolrConfig;
import footnote.config.SourcesConfig;
import footnote.config.SummaryConfig;
import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.discord.DiscordRenderer;
import footnote.eval.EvalQuestion;
import footnote.eval.QuestionFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.search.Embedder;
import footnote.search.LuceneIndex;
import footnote.solr.RawSolr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures Footnote beside the floor its own parts set, corpus by corpus, and writes the figures as Markdown. Each
 * corpus gets an index of its own under the work folder, so the bot's index is never touched.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures answer latency (split by phase, beside the embedding model plus raw Lucene on the"
                + " same index), throughput with 1, 2, 4 and 16 askers, ingest rate beside the embedding model's own,"
                + " memory, index size and start-up, for each corpus; prints a Markdown report and writes it to --out.")
final class BenchCommand implements Callable<Integer> {

    private static final long SEED = 20261122L;
    private static final Set<Scope> EVERY_SERVER = Set.of(Scope.GLOBAL);

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--corpora", split = ",", paramLabel = "NAME",
            description = "bundled, squad, and generated sizes such as 10k or 100k (default: ${DEFAULT-VALUE}).",
            defaultValue = "bundled,squad,10k,100k")
    List<String> corpora;

    @Option(names = "--million", description = "Also a generated corpus of 1,000,000 passages: about three hours of"
            + " embedding on two cores; with --reuse a later run measures the index already built.")
    boolean million;

    @Option(names = "--reuse", description = "Answer from an index a previous run built for the same corpus, instead"
            + " of indexing again (its ingest rate is then not measured).")
    boolean reuse;

    @Option(names = "--squad", paramLabel = "DIR", defaultValue = "../shared/eval/squad-dev",
            description = "The SQuAD dev folder: its articles are a corpus and the source of generated ones, its"
                    + " question sample the questions (default: ${DEFAULT-VALUE}).")
    Path squad;

    @Option(names = "--questions", paramLabel = "N", defaultValue = "1000",
            description = "Questions timed per corpus (default: ${DEFAULT-VALUE}).")
    int questionCount;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "300",
            description = "Untimed answers first, so the JIT has compiled the answer path (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--askers", split = ",", paramLabel = "N", defaultValue = "1,2,4,16",
            description = "Concurrent askers for throughput (default: ${DEFAULT-VALUE}).")
    List<Integer> askers;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "index/bench",
            description = "Where generated corpora and their indexes go (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "index/bench/results.md",
            description = "The Markdown report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-startup", description = "Skip start-up timing (a child process per corpus).")
    boolean noStartup;

    @Option(names = "--hostile", description = "Instead of the corpora: add pages built to be hostile (9 MB without a"
            + " full stop, 8 MB on one line, and 1 MB of each) with `sources upload`, each in a process of its own,"
            + " and report add time, peak resident memory, the outcome and answer times; about 5 minutes.")
    boolean hostile;

    @Option(names = "--sources-list", description = "Instead of the corpora: time listing a server's sources over"
            + " indexes of 100 and 100,000 generated passages (a fixed embedding, so about 2 minutes).")
    boolean sourcesList;

    @Mixin
    BackendOption backend = new BackendOption();

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        Config settings = backend.apply(config.load().measuring());
        if (hostile) {
            return hostile(settings);
        }
        if (sourcesList) {
            String table = new SourcesListBench(work, terminal).run(settings,
                    SyntheticCorpus.fromArticles(squad.resolve("articles")));
            terminal.out.println(machine() + "\n\n" + table);
            return 0;
        }
        List<String> names = new ArrayList<>(corpora);
        if (million && !names.contains("1m")) {
            names.add("1m");
        }
        List<String> questions = questions();
        Embedder embedder = App.embedder(settings);
        List<CorpusResult> results = new ArrayList<>();
        for (String name : names) {
            Path folder = corpus(name);
            terminal.err.println("Corpus " + name + ": " + folder);
            results.add(measure(name, folder, settings, embedder, questions));
            terminal.err.println("  done: " + summary(results.get(results.size() - 1)));
        }
        return write(out, BenchReport.markdown(machine() + " Backend: " + backendLine(settings) + ".", results));
    }

    /** Prints the report and writes it to {@code file}. */
    private int write(Path file, String report) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report);
        terminal.out.println(report);
        terminal.err.println("Written to " + file);
        return 0;
    }

    private int hostile(Config settings) throws Exception {
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            terminal.err.println("--hostile runs the add in a process of its own: run it from the jar.");
            return 2;
        }
        List<HostileResult> results = new HostileBench(jar.get(), work, terminal)
                .run(settings, App.embedder(settings), SyntheticCorpus.fromArticles(squad.resolve("articles")));
        return write(out.resolveSibling("hostile.md"), BenchReport.hostile(machine(), settings.sources().maxPassages(),
                settings.sources().maxJobMinutes(), results));
    }

    /** The bundled articles, SQuAD's, or a generated corpus of that many passages. */
    private Path corpus(String name) throws IOException {
        if (name.equals("bundled")) {
            return Path.of("config/articles");
        }
        if (name.equals("squad")) {
            return squad.resolve("articles");
        }
        int passages = size(name);
        return SyntheticCorpus.fromArticles(squad.resolve("articles"))
                .write(work.resolve("corpora").resolve(name), passages, SEED);
    }

    /** "10k" is 10,000, "1m" 1,000,000, "2500" 2,500. */
    static int size(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith("k")) {
                return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1_000;
            }
            if (lower.endsWith("m")) {
                return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1_000_000;
            }
            return Integer.parseInt(lower);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown corpus '" + name + "': use bundled, squad, or a size such as"
                    + " 10k");
        }
    }

    /** SQuAD's question sample, as many times over as --questions asks. */
    private List<String> questions() throws IOException {
        List<EvalQuestion> sample = new QuestionFiles().read(squad.resolve("questions-sample-1000.jsonl"));
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < questionCount; i++) {
            questions.add(sample.get(i % sample.size()).question());
        }
        return questions;
    }

    private String backendLine(Config settings) {
        SolrConfig solr = settings.index().solr(); // the deployment's cluster; the bench uses its own collections
        return settings.index().solrBackend() ? "SolrCloud at " + solr.urls() + ", " + solr.shards() + " shards x "
                + solr.replicas() + " replicas (client-side memory only below)" : "embedded Lucene";
    }

    private CorpusResult measure(String name, Path folder, Config base, Embedder embedder, List<String> questions)
            throws Exception {
        Path dir = work.resolve(name);
        Config settings = withCorpus(base, dir, folder);
        Path indexPath = dir.resolve("lucene");
        boolean solr = settings.index().solrBackend();
        // Solr's scratch collection holds one corpus at a time, so it is always rebuilt.
        boolean reused = !solr && reuse && Files.exists(indexPath);
        if (!solr && !reused) {
            deleteTree(indexPath); // a fresh index, written and committed as the bot writes one
        }
        Optional<LuceneIndex> lucene = solr ? Optional.empty()
                : Optional.of(LuceneIndex.openWritable(indexPath, App.signature(settings, embedder), false));
        Storage storage = solr ? Storage.solrScratch(settings, embedder) : Storage.files(settings, lucene.get());
        List<Source> sources = BundledSources.in(List.of(folder));
        CorpusResult result;
        try (App app = new App(settings, embedder, storage)) { // the app closes the storage
            // The model's own rate first, alone: measured while ingest's merges still ran, it read 15% low at 100k.
            double embedderRate = embedderAlone(app, settings, sources, embedder);
            Optional<Double> ingest = Optional.empty();
            Optional<Double> merging = Optional.empty();
            if (!reused) {
                long start = System.nanoTime();
                IngestProgress progress = terminal.interactive() ? new ProgressBarListener(terminal.err)
                        : IngestProgress.NONE;
                app.ingester.sync(sources, progress);
                long synced = System.nanoTime();
                ingest = Optional.of(passages(app) / ((synced - start) / 1e9));
                // Serving is measured on the index users get once merging settles, not beside the merge threads.
                if (lucene.isPresent()) {
                    lucene.get().awaitMerges();
                    merging = Optional.of((System.nanoTime() - synced) / 1e9);
                }
            }
            int passages = passages(app);
            AnswerLatency.Result latency = latency(app, storage, settings, indexPath, embedder, questions);
            List<Throughput.Result> throughput = throughput(app, questions);
            // The size of Solr's index lives on its nodes, out of this process's sight.
            double bytesPerPassage = lucene.isPresent() ? (double) Memory.bytesUnder(indexPath) / passages
                    : Double.NaN;
            result = new CorpusResult(name, passages, ingest, merging, embedderRate, bytesPerPassage, latency,
                    throughput, Memory.peakHeapMegabytes(), Memory.residentMegabytes(), Optional.empty());
        }
        if (noStartup) {
            return result;
        }
        return result.withStartup(startup(settings, dir, questions.get(0)));
    }

    /** Answer latency by phase, beside the floor of the backend's own searches on the same passages. */
    private AnswerLatency.Result latency(App app, Storage storage, Config settings, Path indexPath, Embedder embedder,
            List<String> questions) throws Exception {
        DiscordRenderer renderer = new DiscordRenderer();
        Memory.resetPeakHeap();
        try (Floor floor = settings.index().solrBackend() ? new RawSolr(storage.cluster().orElseThrow(),
                settings.index().solr().passages(), embedder, settings.retrieval().candidates())
                : new RawLucene(indexPath, embedder, settings.retrieval().candidates())) {
            return AnswerLatency.measure(questions, warmUp, question -> {
                long start = System.nanoTime();
                Answer answer = app.answerer.answer(question, EVERY_SERVER);
                long rendering = System.nanoTime();
                renderer.render(new Reply.Answered(answer));
                long end = System.nanoTime();
                return new AnswerLatency.Sample(answer.timings(), end - rendering, end - start);
            }, floor);
        }
    }

    private List<Throughput.Result> throughput(App app, List<String> questions) {
        DiscordRenderer renderer = new DiscordRenderer();
        List<Throughput.Result> throughput = new ArrayList<>();
        for (int n : askers) {
            throughput.add(Throughput.measure(questions, n,
                    q -> renderer.render(new Reply.Answered(app.answerer.answer(q, EVERY_SERVER)))));
        }
        return throughput;
    }

    private static int passages(App app) {
        try (var snapshot = app.index.snapshot()) {
            return snapshot.passageCount();
        }
    }

    /**
     * The embedding model's own rate on up to 1,000 of the corpus's passages, embedded a whole article at a time
     * as the ingester does: the limit ingest can approach.
     */
    private static double embedderAlone(App app, Config settings, List<Source> sources, Embedder embedder)
            throws IOException {
        Chunker chunker = new Chunker(settings.retrieval().passageWords(), settings.retrieval().minPassageWords());
        List<List<String>> batches = new ArrayList<>();
        int taken = 0;
        for (Source source : sources) {
            for (Article article : app.reader.read(source)) {
                List<String> texts = chunker.chunk(article).stream().map(Passage::text).toList();
                batches.add(texts);
                taken += texts.size();
                if (taken >= 1_000) {
                    break;
                }
            }
            if (taken >= 1_000) {
                break;
            }
        }
        embedder.embedPassages(batches.get(0)); // warm
        long start = System.nanoTime();
        for (List<String> batch : batches) {
            embedder.embedPassages(batch);
        }
        return taken / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Process start to first answer: a fresh {@code java -jar … ask} over the index just built, with a settings
     * file naming it, timed to its exit. Empty when not run from the jar.
     */
    private Optional<Double> startup(Config settings, Path dir, String question) throws Exception {
        Optional<Path> built = jar();
        if (built.isEmpty()) {
            return Optional.empty();
        }
        Path jar = built.get();
        Path file = dir.resolve("bench.yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), settings);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "ask", "--config",
                file.toString(), question).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            terminal.err.println("  start-up run failed (exit " + (process.isAlive() ? "timeout" : process.exitValue())
                    + ")");
            return Optional.empty();
        }
        return Optional.of((System.nanoTime() - start) / 1e9);
    }

    /** The jar this runs from; empty when run from classes (tests, an IDE). */
    private static Optional<Path> jar() throws java.net.URISyntaxException {
        Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.toString().endsWith(".jar") ? Optional.of(jar) : Optional.empty();
    }

    /**
     * The settings with this corpus as the only source under the shipped source limits, its own data folder, the
     * bench's own collections, and no summary (the bench times finding the excerpts).
     */
    private Config withCorpus(Config c, Path dir, Path folder) {
        Config scratch = Storage.scratchCollections(c, "bench");
        return scratch.withIndex(scratch.index().withPath(dir.toString()))
                .withSources(SourcesConfig.defaults().withBundled(List.of(folder.toString())))
                .withSummary(SummaryConfig.defaults().withMode(SummaryConfig.Mode.NONE));
    }

    private static String summary(CorpusResult r) {
        return String.format(Locale.ROOT, "%d passages, p50 %.2f ms (floor %.2f ms, ratio %.2f)", r.passages(),
                r.latency().total().p50(), r.latency().floor().p50(), r.ratioP50());
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %d cores, max heap %d MB, Java %s (%s), %s %s.",
                runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
