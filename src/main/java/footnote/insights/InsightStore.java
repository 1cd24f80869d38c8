package footnote.insights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where records are kept: a Lucene index under {@code index/insights} on the embedded backend, a collection shared
 * by every process on SolrCloud. Every method may throw {@link InsightStoreException} when the store cannot be
 * reached; callers treat that as a lost record, never as a failed answer.
 */
public interface InsightStore extends AutoCloseable {

    /** Stores the record, replacing the one with the same server and id; durable when this returns. */
    void put(InsightRecord record);

    /**
     * Stores the records as {@link #put} does each; durable when this returns. Stores that can do so write them in
     * one commit, which is what lets one writer keep up with a busy server.
     */
    default void putAll(List<InsightRecord> records) {
        records.forEach(this::put);
    }

    /** The record with this id in this server; never one of another server's. */
    Optional<InsightRecord> get(String server, String id);

    /** The server's records asked at or after {@code from}, oldest first. */
    List<InsightRecord> since(String server, Instant from);

    /** The servers that have records: for the command line's report. */
    List<String> servers();

    /** Deletes every record asked before {@code cutoff}, in every server; returns how many. */
    int deleteBefore(Instant cutoff);

    /** Deletes every record of the server; returns how many. */
    int deleteServer(String server);

    @Override
    void close();
}
