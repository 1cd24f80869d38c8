package footnote.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the insight records past {@code insights.retentionDays} once a day while the bot runs (and a minute after
 * it starts, so a bot restarted daily still purges). Purges whether or not insights are on: records made before they
 * were turned off must still go when their time is up. With SolrCloud every process purges: a delete by age is
 * idempotent, so two processes purging at once delete each record once, and none waits for a leader.
 */
final class InsightsPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InsightsPurge.class);
    /** After start-up's own work, which a purge need not slow. */
    static final long FIRST_MINUTES = 1;
    static final long EVERY_MINUTES = TimeUnit.DAYS.toMinutes(1);

    private final ScheduledExecutorService timer;

    private InsightsPurge(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static InsightsPurge start(App app) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "footnote-insights-purge");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> purge(app), FIRST_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
        return new InsightsPurge(timer);
    }

    /**
     * One scheduled purge. A failure is logged, never thrown: the executor would drop a task that throws, ending the
     * schedule; the next day's purge deletes what this one could not.
     *
     * @return how many records were deleted; 0 when the store could not be reached
     */
    static int purge(App app) {
        try {
            int deleted = app.insights.purge();
            if (deleted > 0) {
                log.info("Purged {} insight records older than {} days", deleted, app.insights.retention().toDays());
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("Purging old insight records failed; the next purge tries again: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
