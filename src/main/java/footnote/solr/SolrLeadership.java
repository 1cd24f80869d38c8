package footnote.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.deployment.Leadership;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease in the state collection: whoever holds an unexpired lease leads. The holder renews it every third of
 * its term; others try to take it when it has expired. Writes use Solr's optimistic concurrency, so of two
 * processes that try at once exactly one wins. A process counts itself leader only until a third of the term
 * before expiry, which leaves room for clock drift between machines.
 */
public final class SolrLeadership implements Leadership {

    private static final Logger log = LoggerFactory.getLogger(SolrLeadership.class);
    private static final String TYPE = "lease";

    private final SolrState state;
    private final String name;
    private final String owner;
    private final Duration term;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Runnable> onLeading = new ArrayList<>();
    private final ScheduledExecutorService renewals;
    private volatile Instant heldUntil = Instant.EPOCH;

    /**
     * @param owner names this process in the lease, for operators reading it; must differ between processes
     * @param term  how long a lease lasts unrenewed: how soon another process takes over after a crash
     */
    public SolrLeadership(SolrCluster cluster, String collection, String name, String owner, Duration term,
            Clock clock) {
        this.state = new SolrState(cluster, collection);
        this.name = name;
        this.owner = owner;
        this.term = term;
        this.clock = clock;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "footnote-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Tries once before returning, so start-up knows whether it leads, then every third of the term. */
    public SolrLeadership start() {
        renew();
        long every = Math.max(1, term.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public boolean leads() {
        return clock.instant().isBefore(heldUntil.minus(term.dividedBy(3)));
    }

    /** Locked with {@link #renew} so that an action runs once per time this process starts leading. */
    @Override
    public synchronized void onLeading(Runnable action) {
        onLeading.add(action);
        if (leads()) {
            runQuietly(action);
        }
    }

    /** One attempt to take or keep the lease; a failure only means not leading until the next attempt. */
    synchronized void renew() {
        boolean led = leads();
        try {
            if (tryHold()) {
                if (!led) {
                    log.info("This process ({}) now runs the deployment's once-only work", owner);
                    onLeading.forEach(SolrLeadership::runQuietly);
                }
            } else if (led) {
                log.warn("This process ({}) lost the lease {}; another process leads", owner, name);
            }
        } catch (RuntimeException e) {
            log.warn("Renewing the lease {} failed: {}", name, e.getMessage());
        }
    }

    private boolean tryHold() {
        Instant now = clock.instant();
        Optional<SolrDocument> current = state.get(TYPE, name, "reading the lease " + name);
        long version = -1; // create only
        if (current.isPresent()) {
            Lease lease = read((String) current.get().getFirstValue(SolrState.BODY));
            if (!lease.owner().equals(owner) && now.isBefore(lease.expires())) {
                heldUntil = Instant.EPOCH;
                return false;
            }
            version = ((Number) current.get().getFirstValue(SolrState.VERSION)).longValue();
        }
        Instant expires = now.plus(term);
        try {
            state.putIfVersion(SolrState.record(TYPE, name, write(new Lease(owner, expires))), version,
                    "taking the lease " + name);
            heldUntil = expires;
            return true;
        } catch (SolrCluster.VersionConflict e) {
            heldUntil = Instant.EPOCH;
            return false;
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Once-only work on taking the lead failed: {}", e.toString());
        }
    }

    record Lease(String owner, Instant expires) {}

    private String write(Lease lease) {
        return json.createObjectNode().put("owner", lease.owner()).put("expires", lease.expires().toEpochMilli())
                .toString();
    }

    private Lease read(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Lease(node.path("owner").asText(""), Instant.ofEpochMilli(node.path("expires").asLong(0)));
        } catch (IOException e) {
            return new Lease("", Instant.EPOCH); // damaged: treat as expired, the next write replaces it
        }
    }

    /** Stops renewing and gives the lease up, so another process takes over at its next try, not after a term. */
    @Override
    public void close() {
        renewals.shutdownNow();
        if (leads()) {
            try {
                Optional<SolrDocument> current = state.get(TYPE, name, "reading the lease " + name);
                if (current.isPresent() && read((String) current.get().getFirstValue(SolrState.BODY)).owner()
                        .equals(owner)) {
                    long version = ((Number) current.get().getFirstValue(SolrState.VERSION)).longValue();
                    state.putIfVersion(SolrState.record(TYPE, name, write(new Lease(owner, clock.instant()))),
                            version, "giving up the lease " + name);
                }
            } catch (RuntimeException e) {
                log.info("Could not give up the lease {} ({}); it expires by itself", name, e.getMessage());
            }
        }
        heldUntil = Instant.EPOCH;
    }
}
