package footnote.solr;

import footnote.deployment.LoginGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;

/**
 * Spaces the gateway logins of every process through the state collection: one record holds the time of the
 * latest IDENTIFY, a process may log in once that is {@code spacing} old, and it claims its turn with optimistic
 * concurrency, so two processes never take the same turn. Thread-safe.
 */
public final class SolrLoginGate implements LoginGate {

    private static final String TYPE = "login";
    private static final String KEY = "identify";

    private final SolrState state;
    private final Duration spacing;
    private final Clock clock;

    /** @param spacing Discord's 5 s between logins plus a margin for clocks that differ between machines */
    public SolrLoginGate(SolrCluster cluster, String collection, Duration spacing, Clock clock) {
        this.state = new SolrState(cluster, collection);
        this.spacing = spacing;
        this.clock = clock;
    }

    @Override
    public void await() throws InterruptedException {
        while (true) {
            Optional<SolrDocument> latest = state.get(TYPE, KEY, "reading the latest gateway login");
            long version = -1; // create only
            Instant previous = Instant.EPOCH;
            if (latest.isPresent()) {
                version = ((Number) latest.get().getFirstValue(SolrState.VERSION)).longValue();
                previous = Instant.ofEpochMilli(Long.parseLong((String) latest.get().getFirstValue(SolrState.BODY)));
            }
            Instant now = clock.instant();
            Duration wait = Duration.between(now, previous.plus(spacing));
            if (wait.isNegative() || wait.isZero()) {
                try {
                    state.putIfVersion(SolrState.record(TYPE, KEY, String.valueOf(now.toEpochMilli())), version,
                            "claiming a gateway login");
                    return;
                } catch (SolrCluster.VersionConflict e) {
                    continue; // another process took this turn: wait for the next
                }
            }
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }
}
