package footnote.cli;

import footnote.ingest.IngestProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws indexing progress on the terminal's error stream, so it never mixes with answers on standard output. */
final class ProgressBarListener implements IngestProgress {

    private final PrintStream stream;
    private ProgressBar bar;

    ProgressBarListener(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public void started(int sources) {
        bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(sources).setUnit(" sources", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(stream))
                .setUpdateIntervalMillis(200).build();
    }

    @Override
    public void advanced(String sourceId) {
        bar.step();
    }

    @Override
    public void finished() {
        bar.close();
    }
}
