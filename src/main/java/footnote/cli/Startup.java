package footnote.cli;

import footnote.chat.SourceChangeWording;
import footnote.config.Config;
import footnote.corpus.Source;
import footnote.corpus.SourceStatus;
import footnote.ingest.IngestProgress;
import footnote.ingest.SyncReport;
import footnote.search.Embedder;
import footnote.search.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Start-up shared by the commands: build the app over the configured index and bring the index in step with the
 * bundled sources (building it on first start), telling the operator on the error stream what changed.
 */
final class Startup {

    private Startup() {}

    /** @param verbose report the index summary even when nothing changed */
    static App configured(Config config, boolean rebuild, boolean verbose, Terminal terminal) {
        Embedder embedder = App.embedder(config);
        Storage storage = Storage.configured(config, embedder, rebuild);
        PassageIndex index = storage.index();
        App app = new App(config, embedder, storage);
        try {
            List<Source> sources = app.bundledSources();
            if (index.writable()) {
                IngestProgress progress = terminal.interactive() && index.articles().size() < sources.size()
                        ? new ProgressBarListener(terminal.err) : IngestProgress.NONE;
                report(app.sync(sources, progress), terminal, verbose || rebuild);
                if (rebuild) {
                    index.completeRebuild(); // only now do other processes see the rebuilt index
                }
            } else {
                app.board.showIndexed(sources, index.articles());
            }
            return app;
        } catch (RuntimeException e) {
            closeQuietly(app, e);
            throw e;
        }
    }

    static void report(SyncReport report, Terminal terminal, boolean always) {
        if (always || report.added() + report.updated() + report.removed() > 0) {
            terminal.err.println("Index: " + report.summary());
        }
        for (SourceStatus failed : report.failures()) {
            terminal.err.println("Skipped " + failed.source().id() + ": " + failed.problem().map(p -> SourceChangeWording.recorded(failed.title(), p)).orElse("")
                    + " (what was indexed from it before is kept)");
        }
    }

    static void closeQuietly(App app, RuntimeException cause) {
        try {
            app.close();
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
