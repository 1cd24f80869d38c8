package footnote.console;

import footnote.chat.SourceLines;
import footnote.corpus.Progress;
import footnote.corpus.SourceActivity;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows source work in the terminal: a progress bar while a step has a known number of items, a line otherwise.
 * Writes to the error stream, so it never mixes with replies. Close it when the work is done.
 */
public final class TerminalProgress implements Progress, AutoCloseable {

    private final PrintStream stream;
    private ProgressBar bar;
    private String step = "";

    public TerminalProgress(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public synchronized void report(SourceActivity activity, int done, int total) {
        String step = SourceLines.activity(activity);
        if (!step.equals(this.step)) {
            close();
            this.step = step;
            if (total <= 0) {
                stream.println(step + "…");
            }
        }
        if (total > 0) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(stream)).setUpdateIntervalMillis(200).build();
            }
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
