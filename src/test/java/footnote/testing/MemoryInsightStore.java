package footnote.testing;

import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Insight records kept in a map, keyed by server and id as the real stores key them, for tests that exercise the
 * chat and the report rather than a store's files. Thread-safe.
 */
public final class MemoryInsightStore implements InsightStore {

    /** Oldest first, records of one instant in id order: as the real stores list them. */
    private static final Comparator<InsightRecord> ORDER = Comparator.comparing(InsightRecord::asked)
            .thenComparing(InsightRecord::id);

    private final Map<String, Map<String, InsightRecord>> servers = new ConcurrentHashMap<>();

    @Override
    public void put(InsightRecord record) {
        servers.computeIfAbsent(record.server(), s -> new ConcurrentHashMap<>()).put(record.id(), record);
    }

    @Override
    public Optional<InsightRecord> get(String server, String id) {
        return Optional.ofNullable(servers.getOrDefault(server, Map.of()).get(id));
    }

    @Override
    public List<InsightRecord> since(String server, Instant from) {
        return servers.getOrDefault(server, Map.of()).values().stream().filter(r -> !r.asked().isBefore(from))
                .sorted(ORDER).toList();
    }

    @Override
    public List<String> servers() {
        return servers.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        int deleted = 0;
        for (Map<String, InsightRecord> records : servers.values()) {
            List<String> old = new ArrayList<>();
            records.values().stream().filter(r -> r.asked().isBefore(cutoff)).forEach(r -> old.add(r.id()));
            old.forEach(records::remove);
            deleted += old.size();
        }
        return deleted;
    }

    @Override
    public int deleteServer(String server) {
        Map<String, InsightRecord> removed = servers.remove(server);
        return removed == null ? 0 : removed.size();
    }

    /** Every record of every server, for tests that read what was stored. */
    public List<InsightRecord> all() {
        return servers.values().stream().flatMap(m -> m.values().stream())
                .sorted(ORDER).toList();
    }

    /**
     * Waits until a record matching {@code match} is stored (records and votes are written off the caller's thread)
     * and returns it.
     *
     * @throws AssertionError on timeout, with what the store holds
     */
    public InsightRecord await(Predicate<InsightRecord> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<InsightRecord> found = all().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching insight record within " + timeout + "; the store holds " + all());
    }

    @Override
    public void close() {
        // nothing to release
    }
}
