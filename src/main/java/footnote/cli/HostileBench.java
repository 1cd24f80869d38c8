package footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import footnote.bench.HostilePage;
import footnote.bench.HostileResult;
import footnote.bench.Memory;
import footnote.bench.Percentiles;
import footnote.bench.SyntheticCorpus;
import footnote.chat.Reply;
import footnote.config.Config;
import footnote.config.IndexConfig;
import footnote.corpus.Scope;
import footnote.discord.DiscordRenderer;
import footnote.search.Embedder;
import footnote.search.LuceneIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Adds pages built to be hostile (megabytes without a full stop, megabytes on one line) the way an operator would,
 * {@code sources upload} in a process of its own with the configured limits, watching that process's resident
 * memory; then times questions quoting each page that was added. Each page gets a data folder of its own under the
 * work folder, with no bundled articles, so its figures are its own.
 */
final class HostileBench {

    /** Sizes of the pages: the two the robustness review reproduced, and one of each shape within the limits. */
    private record Spec(String name, HostilePage.Shape shape, long bytes) {}

    private static final List<Spec> PAGES = List.of(
            new Spec("unpunctuated 9 MB", HostilePage.Shape.UNPUNCTUATED, 9L << 20),
            new Spec("one line 8 MB", HostilePage.Shape.ONE_LINE, 8L << 20),
            new Spec("unpunctuated 1 MB", HostilePage.Shape.UNPUNCTUATED, 1L << 20),
            new Spec("one line 1 MB", HostilePage.Shape.ONE_LINE, 1L << 20));
    private static final int QUESTIONS = 200;
    private static final int WARM_UP = 50;
    private static final long SEED = 20261207L;
    /** How often the add process's memory is read: its high-water mark persists, so only the last stretch can be missed. */
    private static final long POLL_MILLIS = 50;

    private final Path jar;
    private final Path work;
    private final Terminal terminal;

    HostileBench(Path jar, Path work, Terminal terminal) {
        this.jar = jar;
        this.work = work;
        this.terminal = terminal;
    }

    List<HostileResult> run(Config base, Embedder embedder, SyntheticCorpus sentences) throws Exception {
        List<HostileResult> results = new ArrayList<>();
        for (Spec spec : PAGES) {
            terminal.err.println("Hostile page " + spec.name());
            HostilePage page = sentences.hostilePage(spec.shape(), spec.bytes(), QUESTIONS + WARM_UP, SEED);
            results.add(measure(spec, page, base, embedder));
            terminal.err.println("  " + results.get(results.size() - 1).outcome());
        }
        return results;
    }

    private HostileResult measure(Spec spec, HostilePage page, Config base, Embedder embedder) throws Exception {
        String name = spec.name().replace(' ', '-');
        Path dir = work.resolve("hostile").resolve(name);
        BenchCommand.deleteTree(dir);
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, page.text(), StandardCharsets.UTF_8);
        Config settings = base.withIndex(base.index().withPath(dir.resolve("index").toString())
                .withBackend(IndexConfig.Backend.LUCENE)).withSources(base.sources().withBundled(List.of()));
        Path yaml = dir.resolve("bench.yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(yaml.toFile(), settings);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve("add.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "sources", "upload",
                "--config", yaml.toString(), file.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Optional<Long> peak = Optional.empty();
        long limit = System.nanoTime() + TimeUnit.MINUTES.toNanos(settings.sources().maxJobMinutes() + 5L);
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = max(peak, Memory.peakResidentMegabytes(process.pid()));
            if (System.nanoTime() > limit) {
                process.destroyForcibly();
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String outcome = lastLine(output);
        if (process.isAlive() || process.exitValue() != 0) {
            return new HostileResult(spec.name(), Files.size(file), seconds, peak, outcome, 0, Optional.empty());
        }
        return answered(spec, page, settings, embedder, Files.size(file), seconds, peak, outcome);
    }

    /** Times the page's questions over the index the add process left, warm, one at a time, rendered for Discord. */
    private HostileResult answered(Spec spec, HostilePage page, Config settings, Embedder embedder, long bytes,
            double seconds, Optional<Long> peak, String outcome) throws IOException {
        Path indexPath = Path.of(settings.index().path()).resolve("lucene");
        LuceneIndex lucene = LuceneIndex.openWritable(indexPath, App.signature(settings, embedder), false);
        try (App app = new App(settings, embedder, Storage.files(settings, lucene))) {
            DiscordRenderer renderer = new DiscordRenderer();
            List<String> questions = page.questions();
            long[] nanos = new long[Math.max(0, questions.size() - WARM_UP)];
            for (int i = 0; i < questions.size(); i++) {
                long begin = System.nanoTime();
                renderer.render(new Reply.Answered(app.answerer.answer(questions.get(i), Set.of(Scope.GLOBAL))));
                if (i >= WARM_UP) {
                    nanos[i - WARM_UP] = System.nanoTime() - begin;
                }
            }
            int passages;
            try (var snapshot = app.index.snapshot()) {
                passages = snapshot.passageCount();
            }
            return new HostileResult(spec.name(), bytes, seconds, peak, outcome, passages,
                    Optional.of(Percentiles.of(nanos)));
        }
    }

    private static Optional<Long> max(Optional<Long> a, Optional<Long> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(Math.max(a.get(), b.get()));
    }

    private static String lastLine(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
    }
}
