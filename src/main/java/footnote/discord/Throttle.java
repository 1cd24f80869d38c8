package footnote.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Abuse limits for questions in a busy server: each member may ask so many questions a minute, and only so many
 * questions are answered at once. A refused question costs the member nothing. Thread-safe.
 */
public final class Throttle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Every this many admissions, members idle for a minute are forgotten. */
    static final int FORGET_EVERY = 256;

    private final int perMinute;
    private final int maxInFlight;
    private final Clock clock;
    private final Map<String, Deque<Instant>> asked = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private int admissions;

    /** Whether a question may go ahead. */
    public sealed interface Admission {

        /** Go ahead; call {@link #release()} once the answer is sent (or has failed). */
        record Admitted(Runnable release) implements Admission {}

        record Refused(String message) implements Admission {}
    }

    public Throttle(int perMinute, int maxInFlight, Clock clock) {
        if (perMinute < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.perMinute = perMinute;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
    }

    /** @param member who asks; limits are counted per member */
    public Admission admit(String member) {
        Instant now = clock.instant();
        synchronized (asked) {
            if (++admissions % FORGET_EVERY == 0) {
                forgetIdle(now);
            }
            Deque<Instant> times = asked.computeIfAbsent(member, m -> new ArrayDeque<>());
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.removeFirst();
            }
            if (times.size() >= perMinute) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
                return new Admission.Refused("You have asked " + perMinute + (perMinute == 1 ? " question" : " questions")
                        + " in the last minute; please wait " + wait + " s before asking again.");
            }
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                return new Admission.Refused("I am answering many questions right now; please ask again in a moment.");
            }
            times.addLast(now);
        }
        AtomicInteger once = new AtomicInteger();
        return new Admission.Admitted(() -> {
            if (once.getAndIncrement() == 0) {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Members whose questions all left the window are forgotten, so the table does not grow without bound. */
    private void forgetIdle(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        asked.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(cutoff));
    }

    /** How many members are remembered, for tests of the forgetting. */
    int remembered() {
        synchronized (asked) {
            return asked.size();
        }
    }
}
