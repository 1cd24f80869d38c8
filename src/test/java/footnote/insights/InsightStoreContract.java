package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InsightStore} does, whatever keeps the records: each implementation's test extends this and
 * says how to open a store over its test's (initially empty) records.
 */
public abstract class InsightStoreContract {

    /** With nanoseconds, which a store must keep: the insights service stamps records with the system clock. */
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123456789Z");
    /** A Discord user id, used only to compute a voter: it must never reach the store. */
    private static final String MEMBER = "284619375102938475";

    private final List<InsightStore> opened = new ArrayList<>();
    protected InsightStore store;

    /** A new store over this test's records: a second call is another instance, as another process would open. */
    protected abstract InsightStore open();

    /** The folder holding every file the records may have been written to, to read for what must not be there. */
    protected abstract Path dataFolder();

    @BeforeEach
    void openStore() {
        store = opened(open());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(InsightStore::close);
    }

    protected InsightStore opened(InsightStore s) {
        opened.add(s);
        return s;
    }

    protected static InsightRecord record(String server, String id, Instant asked) {
        return new InsightRecord(id, server, asked, "when was the symposium " + id, Optional.empty(),
                InsightRecord.Outcome.DECLINED, 0.2, List.of(), Map.of(), Map.of());
    }

    private static InsightRecord answered() {
        return new InsightRecord("r-answered", "111", T0, "who spoke at it", Optional.of("who spoke at the symposium"),
                InsightRecord.Outcome.ANSWERED, 0.87,
                List.of(new Cited("src1", "art1", "Xi Jinping’s Meeting"), new Cited("bundled", "art2", "Notes")),
                Map.of("voter-a", Vote.HELPFUL, "voter-b", Vote.NOT_HELPFUL), Map.of("voter-b", "the date is missing"));
    }

    private List<Instant> asked(List<InsightRecord> records) {
        return records.stream().map(InsightRecord::asked).toList();
    }

    @Test
    void a_record_reads_back_as_it_was_put_with_its_citations_votes_and_comments() {
        store.put(answered());

        assertThat(store.get("111", "r-answered")).contains(answered());
        assertThat(store.get("111", "no-such-id")).isEmpty();
    }

    @Test
    void a_second_put_of_the_same_server_and_id_replaces_the_first() {
        InsightRecord first = record("111", "r1", T0);
        store.put(first);
        InsightRecord voted = first.withVote("voter-a", Vote.NOT_HELPFUL).withComment("voter-a", "wrong year");
        store.put(voted);

        assertThat(store.get("111", "r1")).contains(voted);
        assertThat(store.since("111", T0.minusSeconds(1))).containsExactly(voted);
    }

    @Test
    void put_all_stores_each_record_and_replaces_those_already_there() {
        InsightRecord first = record("111", "r1", T0);
        store.put(first);
        InsightRecord voted = first.withVote("voter-a", Vote.HELPFUL);

        store.putAll(List.of(voted, record("111", "r2", T0.plusSeconds(1)), record("222", "r1", T0.plusSeconds(2))));

        assertThat(store.since("111", T0)).containsExactly(voted, record("111", "r2", T0.plusSeconds(1)));
        assertThat(store.since("222", T0)).containsExactly(record("222", "r1", T0.plusSeconds(2)));
        store.putAll(List.of());
        assertThat(store.servers()).containsExactlyInAnyOrder("111", "222");
    }

    @Test
    void another_servers_record_is_never_read_even_with_its_id_or_a_key_spelt_alike() {
        store.put(record("111", "r1", T0));
        store.put(record("a/b", "c", T0));

        assertThat(store.get("222", "r1")).isEmpty();
        assertThat(store.get("a", "b/c")).isEmpty();
        store.put(record("222", "r1", T0.plusSeconds(5)));
        assertThat(store.get("111", "r1")).contains(record("111", "r1", T0));
        assertThat(store.get("222", "r1")).contains(record("222", "r1", T0.plusSeconds(5)));
    }

    @Test
    void since_lists_a_servers_records_from_that_instant_on_oldest_first() {
        store.put(record("111", "later", T0.plus(Duration.ofHours(2))));
        store.put(record("111", "at", T0));
        store.put(record("111", "between", T0.plus(Duration.ofHours(1))));
        store.put(record("111", "before", T0.minusNanos(1)));
        store.put(record("222", "elsewhere", T0.plusSeconds(1)));

        List<InsightRecord> since = store.since("111", T0);

        assertThat(since).extracting(InsightRecord::id).containsExactly("at", "between", "later");
        assertThat(asked(since)).isSorted();
        assertThat(store.since("333", T0.minus(Duration.ofDays(365)))).isEmpty();
    }

    @Test
    void delete_before_deletes_the_older_records_of_every_server_and_counts_them() {
        store.put(record("111", "two-days", T0.minus(Duration.ofDays(2))));
        store.put(record("111", "a-nanosecond", T0.minusNanos(1)));
        store.put(record("111", "at-cutoff", T0));
        store.put(record("222", "three-days", T0.minus(Duration.ofDays(3))));
        store.put(record("222", "after", T0.plusSeconds(1)));

        assertThat(store.deleteBefore(T0)).isEqualTo(3);

        assertThat(store.since("111", Instant.EPOCH)).extracting(InsightRecord::id).containsExactly("at-cutoff");
        assertThat(store.since("222", Instant.EPOCH)).extracting(InsightRecord::id).containsExactly("after");
        assertThat(store.deleteBefore(T0)).isZero();
    }

    @Test
    void delete_server_deletes_that_servers_records_only_and_counts_them() {
        store.put(record("111", "r1", T0));
        store.put(record("111", "r2", T0.plusSeconds(1)));
        store.put(record("222", "r1", T0));

        assertThat(store.deleteServer("111")).isEqualTo(2);

        assertThat(store.since("111", Instant.EPOCH)).isEmpty();
        assertThat(store.get("222", "r1")).isPresent();
        assertThat(store.deleteServer("111")).isZero();
    }

    @Test
    void servers_lists_each_server_with_records_once() {
        assertThat(store.servers()).isEmpty();
        store.put(record("222", "r1", T0));
        store.put(record("111", "r1", T0));
        store.put(record("111", "r2", T0));
        store.put(record(InsightRecord.TERMINAL, "r1", T0));
        store.put(record("333", "r1", T0));

        store.deleteServer("333");

        assertThat(store.servers()).containsExactly("111", "222", InsightRecord.TERMINAL);
    }

    @Test
    void records_outlive_the_store_that_wrote_them() {
        store.put(answered());
        store.put(record("111", "r1", T0.plusSeconds(1)));
        store.close();

        InsightStore reopened = opened(open());

        assertThat(reopened.get("111", "r-answered")).contains(answered());
        assertThat(reopened.since("111", T0)).extracting(InsightRecord::id).containsExactly("r-answered", "r1");
    }

    @Test
    void no_member_id_reaches_the_stores_files_only_the_voter_made_from_it() throws IOException {
        String voter = VoterKey.from("the bot's token").voter("r-private", MEMBER);
        store.put(record("111", "r-private", T0).withVote(voter, Vote.NOT_HELPFUL)
                .withComment(voter, "the year is wrong"));

        String written = WrittenText.under(dataFolder());

        // Booleans, not the text: on failure the files' bytes would flood the report.
        assertThat(written.contains(voter) && written.contains("the year is wrong"))
                .as("what the record holds is found in the files").isTrue();
        assertThat(written.contains(MEMBER)).as("the member id is found in the files").isFalse();
    }
}
