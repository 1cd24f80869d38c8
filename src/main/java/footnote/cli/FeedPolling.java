package footnote.cli;

import footnote.config.Config;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** Polls the feeds on a schedule while the bot runs; the polls themselves queue behind other source work. */
final class FeedPolling implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private FeedPolling(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static FeedPolling start(App app, Config config) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "footnote-feed-polling");
            thread.setDaemon(true);
            return thread;
        });
        long minutes = config.feeds().pollMinutes();
        timer.scheduleAtFixedRate(() -> poll(app), minutes, minutes, TimeUnit.MINUTES);
        return new FeedPolling(timer);
    }

    /**
     * One scheduled poll. Processes that share a backend share the feeds, so only the leading one polls them. A
     * failure is logged, never thrown: the executor would drop a task that throws, ending the schedule.
     *
     * @return whether this process polled
     */
    static boolean poll(App app) {
        if (!app.storage.leadership().leads()) {
            return false;
        }
        try {
            app.sources.pollFeeds();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(FeedPolling.class).warn("Polling the feeds failed: {}", e.toString());
        }
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
