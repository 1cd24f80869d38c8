package footnote.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import footnote.insights.Cited;
import footnote.insights.InsightRecord;
import footnote.insights.Vote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An insight record as JSON, one format for both stores (a stored field of the embedded index, a document's body in
 * SolrCloud), and the two values both index a record by: its key and its time. It holds what the record holds and
 * nothing more: votes and comments arrive keyed by voter hashes ({@code insights.VoterKey}), no member id ever
 * reaches a store. Thread-safe.
 */
public final class InsightJson {

    private final ObjectMapper json = new ObjectMapper()
            // Named, not discovered, as in Records; times as ISO-8601 text, exact to the nanosecond and readable.
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredRecord(
            @JsonProperty("id") String id,
            @JsonProperty("server") String server,
            @JsonProperty("asked") Instant asked,
            @JsonProperty("question") String question,
            @JsonProperty("readAs") String readAs,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("confidence") double confidence,
            @JsonProperty("cited") List<StoredCited> cited,
            @JsonProperty("votes") Map<String, String> votes,
            @JsonProperty("comments") Map<String, String> comments) {}

    record StoredCited(@JsonProperty("source") String source, @JsonProperty("article") String article,
            @JsonProperty("title") String title) {}

    /**
     * The key a record is stored under: its server and id, the server's length first, so no pair of a server and
     * an id can spell another pair's key, whatever characters either holds; {@code get} of one server's id can
     * therefore never find another server's record.
     */
    public static String key(String server, String id) {
        return server.length() + ":" + server + "/" + id;
    }

    /** What saving these records is called in a store's failure message: the record's id, or how many. */
    public static String saving(List<InsightRecord> records) {
        return records.size() == 1 ? "saving insight record " + records.get(0).id()
                : "saving " + records.size() + " insight records";
    }

    /**
     * A time as one long that orders as the times do, for range queries and sorting: nanoseconds since the epoch,
     * exact for every instant between the years 1677 and 2262; earlier and later ones saturate at the ends.
     */
    public static long time(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public byte[] write(InsightRecord record) {
        StoredRecord stored = new StoredRecord(record.id(), record.server(), record.asked(), record.question(),
                record.readAs().orElse(null), lower(record.outcome()), record.confidence(),
                record.cited().stream().map(c -> new StoredCited(c.sourceId(), c.articleId(), c.title())).toList(),
                // Sorted, so the same record always writes the same bytes.
                record.votes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> lower(e.getValue()), (a, b) -> a, TreeMap::new)),
                new TreeMap<>(record.comments()));
        try {
            return json.writeValueAsBytes(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing insight record " + record.id() + " as JSON", e);
        }
    }

    /** @throws IOException when the bytes are not an insight record */
    public InsightRecord read(byte[] bytes) throws IOException {
        try {
            StoredRecord s = json.readValue(bytes, StoredRecord.class);
            return new InsightRecord(s.id(), s.server(), s.asked(), s.question(), Optional.ofNullable(s.readAs()),
                    value(InsightRecord.Outcome.class, s.outcome()), s.confidence(),
                    s.cited() == null ? List.of() : s.cited().stream()
                            .map(c -> new Cited(c.source(), c.article(), c.title())).toList(),
                    s.votes() == null ? Map.of() : s.votes().entrySet().stream().collect(Collectors.toMap(
                            Map.Entry::getKey, e -> value(Vote.class, e.getValue()))),
                    s.comments() == null ? Map.of() : s.comments());
        } catch (RuntimeException e) {
            // A missing field (the record's constructor refuses null) or an unknown vote or outcome.
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String stored) {
        if (stored == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " given");
        }
        return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
    }
}
