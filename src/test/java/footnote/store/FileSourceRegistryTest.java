package footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceKind;
import footnote.ingest.SourceRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceRegistryTest {

    @TempDir
    Path dir;

    private static SourceRecord record(String id, SourceKind kind) {
        return new SourceRecord(new Source(id, kind, Scope.server("42")), "Title of " + id, SourceRecord.State.READY,
                Instant.parse("2026-01-02T03:04:05Z"), Optional.of(Instant.parse("2026-01-03T00:00:00Z")),
                Optional.empty());
    }

    @Test
    void records_of_every_kind_survive_a_restart_exactly() {
        SourceRecord page = record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a")));
        SourceRecord feed = record("def456", new SourceKind.Feed(URI.create("https://example.org/feed.xml")))
                .failed(new SourceChange.Problem.Fetch("example.org answered 503"));
        SourceRecord upload = record("ghi789", new SourceKind.Upload("report.pdf")).with(SourceRecord.State.ADDING);
        SourceRecord retried = new SourceRecord(record("jkm234", new SourceKind.WebPage(URI.create("https://example.org/b")))
                .source(), "b", SourceRecord.State.ADDING, Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(),
                Optional.empty(), 2);
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        registry.put(page);
        registry.put(feed);
        registry.put(upload);
        registry.put(retried);

        FileSourceRegistry reopened = new FileSourceRegistry(dir);

        assertThat(reopened.all()).containsExactly(page, feed, upload, retried);
        assertThat(reopened.get("def456")).contains(feed);
        assertThat(reopened.get("nope")).isEmpty();
    }

    @Test
    void a_jobs_update_lands_only_while_its_source_is_neither_removed_nor_being_removed() {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        SourceRecord page = record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a")));
        registry.put(page);

        assertThat(registry.update(page.failed(new SourceChange.Problem.TooManyPassages(20_000)))).isTrue();
        assertThat(registry.get("abc123").orElseThrow().problem())
                .contains(new SourceChange.Problem.TooManyPassages(20_000));
        registry.put(page.with(SourceRecord.State.REMOVING));
        assertThat(registry.update(page)).isFalse();
        assertThat(registry.get("abc123").orElseThrow().state()).isEqualTo(SourceRecord.State.REMOVING);
        registry.delete("abc123");
        assertThat(registry.update(page)).isFalse();
        assertThat(registry.get("abc123")).isEmpty();
    }

    @Test
    void a_deleted_record_is_gone_and_a_replaced_one_leaves_no_temporary_file() throws IOException {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        SourceRecord page = record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a")));
        registry.put(page);
        registry.put(page.with(SourceRecord.State.REMOVING));
        registry.put(record("keep12", new SourceKind.Upload("a.txt")));
        registry.delete("abc123");

        assertThat(registry.all()).extracting(SourceRecord::id).containsExactly("keep12");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactly("keep12.json");
        }
    }

    @Test
    void an_id_that_is_not_a_plain_name_is_refused() {
        FileSourceRegistry registry = new FileSourceRegistry(dir);

        assertThatThrownBy(() -> registry.get("../secrets")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_damaged_record_is_set_aside_and_restored_from_its_backup_while_the_others_stay() throws IOException {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        SourceRecord page = record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a")));
        SourceRecord upload = record("keep12", new SourceKind.Upload("a.txt"));
        registry.put(page);
        registry.put(upload);
        Files.writeString(dir.resolve("abc123.json"), "{ \"id\": \"abc1");

        FileSourceRegistry reopened = new FileSourceRegistry(dir);

        assertThat(reopened.all()).containsExactly(page, upload);
        assertThat(dir.resolve("damaged/abc123.json")).hasContent("{ \"id\": \"abc1");
        assertThat(reopened.quarantined()).isEmpty();
    }

    @Test
    void a_damaged_record_without_a_good_backup_is_left_out_and_named_for_repair() throws IOException {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        registry.put(record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a"))));
        registry.put(record("keep12", new SourceKind.Upload("a.txt")));
        Files.writeString(dir.resolve("abc123.json"), "garbage");
        Files.writeString(dir.resolve("backup/abc123.json"), "");
        Files.writeString(dir.resolve("stray1.json"), "{ not json");

        FileSourceRegistry reopened = new FileSourceRegistry(dir);

        assertThat(reopened.all()).extracting(SourceRecord::id).containsExactly("keep12");
        assertThat(reopened.quarantined()).containsExactly("abc123", "stray1");
        assertThat(reopened.get("abc123")).isEmpty();
    }

    @Test
    void a_record_under_another_ids_file_name_counts_as_damaged() throws IOException {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        registry.put(record("abc123", new SourceKind.WebPage(URI.create("https://example.org/a"))));
        Files.copy(dir.resolve("abc123.json"), dir.resolve("zzz999.json"));

        assertThat(new FileSourceRegistry(dir).all()).extracting(SourceRecord::id).containsExactly("abc123");
    }

    @Test
    void every_kind_of_problem_survives_a_restart_and_an_older_records_sentence_reads_as_its_text() throws IOException {
        FileSourceRegistry registry = new FileSourceRegistry(dir);
        List<SourceChange.Problem> problems = List.of(new SourceChange.Problem.Fetch("example.org answered 503"),
                new SourceChange.Problem.NoEntries(URI.create("https://example.org/feed.xml")),
                new SourceChange.Problem.NoLongerAFeed(URI.create("https://example.org/feed.xml")),
                new SourceChange.Problem.NowAFeed(URI.create("https://example.org/a")),
                new SourceChange.Problem.TooManyPassages(20_000),
                new SourceChange.Problem.TookTooLong(java.time.Duration.ofMinutes(10)),
                new SourceChange.Problem.OnOurSide(), new SourceChange.Problem.CopyMissing(),
                new SourceChange.Problem.NotIndexedYet());
        for (int i = 0; i < problems.size(); i++) {
            registry.put(record("prob" + (char) ('a' + i) + "x", new SourceKind.WebPage(URI.create("https://example.org/"
                    + i))).failed(problems.get(i)));
        }
        Files.writeString(dir.resolve("oldrec.json"), "{\"id\":\"oldrec\",\"kind\":\"page\",\"url\":"
                + "\"https://example.org/old\",\"scope\":\"global\",\"title\":\"Old\",\"state\":\"READY\","
                + "\"added\":\"2026-11-01T10:00:00Z\",\"problem\":\"example.org answered 404\"}");

        FileSourceRegistry reopened = new FileSourceRegistry(dir);

        for (int i = 0; i < problems.size(); i++) {
            assertThat(reopened.get("prob" + (char) ('a' + i) + "x").orElseThrow().problem()).contains(problems.get(i));
        }
        assertThat(reopened.get("oldrec").orElseThrow().problem())
                .contains(new SourceChange.Problem.Fetch("example.org answered 404"));
    }
}
