package footnote.cli;

import footnote.bench.FixedEmbedder;
import footnote.bench.Percentiles;
import footnote.bench.SyntheticCorpus;
import footnote.config.Config;
import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.search.LuceneIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How long listing a server's sources takes as the index grows: over indexes of 100 and 100,000 generated passages
 * (embedded with a fixed vector, which listing never reads), each with the same five uploads in one server, the
 * median of 50 listings, beside reading every article of the index once (what each listing did before records kept
 * their counts).
 */
final class SourcesListBench {

    private static final int[] SIZES = {100, 100_000};
    private static final int UPLOADS = 5;
    private static final int TRIES = 50;
    private static final long SEED = 20261207L;

    private final Path work;
    private final Terminal terminal;

    SourcesListBench(Path work, Terminal terminal) {
        this.work = work;
        this.terminal = terminal;
    }

    String run(Config base, SyntheticCorpus sentences) throws Exception {
        StringBuilder table = new StringBuilder("| passages indexed | sources list, one server (ms, median) |"
                + " every article read once (ms, median) |\n| ---: | ---: | ---: |\n");
        for (int size : SIZES) {
            terminal.err.println("Sources list over " + size + " passages");
            Path corpus = sentences.write(work.resolve("corpora").resolve(Integer.toString(size)), size, SEED);
            Path dir = work.resolve("sources-list-" + size);
            BenchCommand.deleteTree(dir);
            Config settings = base.withIndex(base.index().withPath(dir.toString()).withBackend(
                    footnote.config.IndexConfig.Backend.LUCENE)).withSources(base.sources().withBundled(List.of()));
            FixedEmbedder embedder = new FixedEmbedder(384);
            LuceneIndex index = LuceneIndex.openWritable(dir.resolve("lucene"), App.signature(settings, embedder),
                    false);
            try (App app = new App(settings, embedder, Storage.files(settings, index))) {
                app.ingester.sync(BundledSources.in(List.of(corpus)), IngestProgress.NONE);
                upload(app, dir);
                int passages;
                try (var snapshot = app.index.snapshot()) {
                    passages = snapshot.passageCount();
                }
                Set<Scope> server = Set.of(Scope.server("1"));
                double list = median(() -> app.sources.list(server));
                double articles = median(app.index::articles);
                table.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f |%n", passages, list, articles));
            }
        }
        return table.toString();
    }

    private static void upload(App app, Path dir) throws Exception {
        for (int i = 0; i < UPLOADS; i++) {
            Path file = dir.resolve("upload-" + i + ".txt");
            Files.writeString(file, "Upload " + i + " of the listing benchmark. It holds one short passage about"
                    + " harbour number " + i + ".", StandardCharsets.UTF_8);
            app.sources.upload(Scope.server("1"), file.getFileName().toString(), file.toUri(), Progress.NONE).join();
        }
    }

    private static double median(Runnable work) {
        for (int i = 0; i < 5; i++) {
            work.run(); // warm
        }
        long[] nanos = new long[TRIES];
        for (int i = 0; i < TRIES; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        return Percentiles.of(nanos).p50();
    }
}
