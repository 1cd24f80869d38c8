package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.fetch.FetchSettings;
import footnote.fetch.Fetcher;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.store.FileCopyStore;
import footnote.store.FileSourceRegistry;
import footnote.testing.GatedEmbedder;
import footnote.testing.HashingEmbedder;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceManagerTest {

    private static final Scope ONE = Scope.server("1");
    private static final Scope TWO = Scope.server("2");
    private static final String HTML = "text/html; charset=utf-8";
    private static final String RSS = "application/rss+xml";

    @TempDir
    Path dir;

    private final GatedEmbedder embedder = new GatedEmbedder();
    private WebServer web;
    private LuceneIndex index;
    private FileSourceRegistry registry;
    private FileCopyStore copies;
    private Fetcher fetcher;
    private SourceManager manager;

    @BeforeEach
    void start() {
        web = WebServer.start();
        index = LuceneIndex.inMemory("t");
        manager = manager(FetchSettings.defaults().withAllowPrivateAddresses(true).withAllowedPorts(Set.of(web.port())));
    }

    private SourceManager manager(FetchSettings settings) {
        return manager(settings, Integer.MAX_VALUE, Duration.ofMinutes(10));
    }

    private SourceManager manager(FetchSettings settings, int maxPassages, Duration maxJob) {
        registry = new FileSourceRegistry(dir.resolve("sources"));
        copies = new FileCopyStore(dir.resolve("copies"));
        Ingester ingester = new Ingester(index, embedder, new SourceReader(new ArticleFiles(), copies), 60, 20,
                maxPassages);
        fetcher = new Fetcher(settings);
        return new SourceManager(registry, copies, ingester, index, fetcher, 50, new SourceBoard(), Clock.systemUTC(),
                maxJob);
    }

    private void restart(int maxPassages, Duration maxJob) {
        manager.close();
        fetcher.close();
        manager = manager(FetchSettings.defaults().withAllowPrivateAddresses(true).withAllowedPorts(Set.of(web.port())),
                maxPassages, maxJob);
    }

    @AfterEach
    void stop() throws IOException {
        manager.close();
        fetcher.close();
        index.close();
        web.close();
    }

    private static String page(String title, String topic) {
        return WebFixtures.article(title, "Jane Doe", "https://example.org/" + topic,
                WebFixtures.prose(topic, 1), WebFixtures.prose(topic, 2), WebFixtures.prose(topic, 3));
    }

    private List<IndexedArticle> indexed(String sourceId) {
        return index.articles().values().stream().filter(a -> a.sourceId().equals(sourceId)).toList();
    }

    private static String id(SourceChange change) {
        return change.source().orElseThrow().source().id();
    }

    /** What fetch said went wrong: the change must have failed on a fetch problem. */
    private static String fetchProblem(SourceChange change) {
        assertThat(change).isInstanceOf(SourceChange.Failed.class);
        SourceChange.Problem problem = ((SourceChange.Failed) change).problem();
        assertThat(problem).isInstanceOf(SourceChange.Problem.Fetch.class);
        return ((SourceChange.Problem.Fetch) problem).message();
    }

    /** Why the change was refused: it must have been. */
    private static SourceChange.Refusal refusal(SourceChange change) {
        assertThat(change).isInstanceOf(SourceChange.Refused.class);
        return ((SourceChange.Refused) change).refusal();
    }

    @Test
    void adds_an_article_page_with_its_metadata_and_it_answers_at_once() throws IOException {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));

        SourceChange change = manager.add(ONE, web.url("/robots.html"), Progress.NONE).join();

        assertThat(change.done()).as(String.valueOf(change)).isTrue();
        SourceStatus status = change.source().orElseThrow();
        assertThat(status.source().kind()).isInstanceOf(SourceKind.WebPage.class);
        assertThat(status.title()).isEqualTo("Robots dance at the gala");
        assertThat(status.passages()).isPositive();
        assertThat(change).isEqualTo(new SourceChange.Added(status));
        assertThat(indexed(status.source().id())).hasSize(1);
        String copy = copies.read(status.source().id(), status.source().id());
        assertThat(copy).contains("author: Jane Doe", "publisher: Harbour Gazette", "url: https://example.org/robots",
                "published: 2025-02-01").doesNotContain("Buy now", "free money", "tracking");
        assertThat(registry.get(status.source().id()).orElseThrow().state()).isEqualTo(SourceRecord.State.READY);
    }

    @Test
    void tells_a_feed_by_its_content_and_copies_each_entry_once() {
        web.serve("/a.html", Page.of(HTML, page("First story", "lighthouse")))
                .serve("/b.html", Page.of(HTML, page("Second story", "ferry")))
                .serve("/feed", Page.of("application/xml", WebFixtures.rss("Harbour news", List.of(
                        new String[] {"g1", web.url("/a.html").toString(), "First story"},
                        new String[] {"g2", web.url("/b.html").toString(), "Second story"},
                        new String[] {"g1", web.url("/a.html").toString(), "First story again"},
                        new String[] {"g3", web.url("/a.html").toString(), "First story, new guid"}))));

        SourceChange change = manager.add(ONE, web.url("/feed"), Progress.NONE).join();

        assertThat(change.done()).as(String.valueOf(change)).isTrue();
        assertThat(change.source().orElseThrow().source().kind()).isInstanceOf(SourceKind.Feed.class);
        assertThat(change.source().orElseThrow().title()).isEqualTo("Harbour news");
        assertThat(copies.articleIds(id(change))).hasSize(2);
        assertThat(indexed(id(change))).hasSize(2);
    }

    @Test
    void polling_a_feed_again_adds_only_its_new_entries() {
        web.serve("/a.html", Page.of(HTML, page("First story", "lighthouse")))
                .serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", List.<String[]>of(
                        new String[] {"g1", web.url("/a.html").toString(), "First story"}))));
        String id = id(manager.add(ONE, web.url("/feed.xml"), Progress.NONE).join());
        web.serve("/c.html", Page.of(HTML, page("Third story", "market")))
                .serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", List.of(
                        new String[] {"g3", web.url("/c.html").toString(), "Third story"},
                        new String[] {"g1", web.url("/a.html").toString(), "First story"}))));

        SourceChange first = manager.refresh(ONE, Optional.of(id), Progress.NONE).join();
        SourceChange second = manager.refresh(ONE, Optional.of(id), Progress.NONE).join();

        assertThat(first).isInstanceOfSatisfying(SourceChange.Refreshed.class, r -> {
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.changed()).isZero();
        });
        assertThat(second).isInstanceOfSatisfying(SourceChange.Refreshed.class, r -> {
            assertThat(r.added()).isZero();
            assertThat(r.changed()).isZero();
        });
        assertThat(copies.articleIds(id)).hasSize(2);
        assertThat(web.hits("/a.html")).isEqualTo(1);
    }

    @Test
    void a_page_that_vanished_keeps_answering_with_the_text_fetched_before() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String id = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());
        web.serve("/robots.html", Page.status(404));

        SourceChange refresh = manager.refresh(ONE, Optional.of(id), Progress.NONE).join();

        assertThat(refresh.done()).isFalse();
        assertThat(refresh).isInstanceOfSatisfying(SourceChange.Failed.class,
                f -> assertThat(f.operation()).isEqualTo(SourceChange.Operation.REFRESHING));
        assertThat(fetchProblem(refresh)).contains("404");
        assertThat(indexed(id)).hasSize(1);
        assertThat(copies.articleIds(id)).hasSize(1);
        assertThat(manager.list(Set.of(ONE))).singleElement().satisfies(s -> assertThat(s.problem()).isPresent());
        assertThat(manager.jobs(ONE).failed()).extracting(s -> s.source().id()).containsExactly(id);
    }

    @Test
    void a_removed_source_stops_answering_at_once_and_leaves_nothing_behind() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String id = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());

        SourceChange removed = manager.remove(ONE, id).join();

        assertThat(removed.done()).isTrue();
        assertThat(removed).isInstanceOfSatisfying(SourceChange.Removed.class,
                r -> assertThat(r.before().title()).isEqualTo("Robots dance at the gala"));
        assertThat(indexed(id)).isEmpty();
        assertThat(copies.sourceIds()).isEmpty();
        assertThat(registry.all()).isEmpty();
        assertThat(manager.list(Set.of(ONE))).isEmpty();
    }

    @Test
    void a_removal_while_the_page_is_fetched_ends_the_add_as_removed_and_leaves_nothing() throws Exception {
        web.serve("/slow.html", Page.of(HTML, page("A slow page", "slowness")).slow(Duration.ofMillis(800)));

        CompletableFuture<SourceChange> add = manager.add(ONE, web.url("/slow.html"), Progress.NONE);
        String id = awaitRecord(ONE);
        SourceChange removed = manager.remove(ONE, id).join();

        assertThat(removed.done()).isTrue();
        assertEndedAsRemoved(add.join(), id);
    }

    @Test
    void a_removal_while_feed_entries_are_copied_ends_the_add_as_removed_and_leaves_nothing() throws Exception {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            web.serve("/e" + i + ".html", Page.of(HTML, page("Story " + i, "topic" + i)).slow(Duration.ofMillis(300)));
            entries.add(new String[] {"g" + i, web.url("/e" + i + ".html").toString(), "Story " + i});
        }
        web.serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", entries)));

        CompletableFuture<SourceChange> add = manager.add(ONE, web.url("/feed.xml"), Progress.NONE);
        String id = awaitRecord(ONE);
        awaitCopy(id);
        manager.remove(ONE, id).join();

        assertEndedAsRemoved(add.join(), id);
    }

    @Test
    void a_removal_while_passages_are_embedded_ends_the_add_as_removed_and_leaves_nothing() throws Exception {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        embedder.arm();

        CompletableFuture<SourceChange> add = manager.add(ONE, web.url("/robots.html"), Progress.NONE);
        embedder.awaitEntered();
        String id = awaitRecord(ONE);
        manager.remove(ONE, id).join();
        embedder.release();

        assertEndedAsRemoved(add.join(), id);
    }

    @Test
    void a_removal_during_a_refresh_ends_it_as_removed_and_leaves_nothing() throws Exception {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String id = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());
        web.serve("/robots.html", Page.of(HTML, page("Robots dance again", "robots")).slow(Duration.ofMillis(800)));

        CompletableFuture<SourceChange> refresh = manager.refresh(ONE, Optional.of(id), Progress.NONE);
        awaitRunning(ONE);
        manager.remove(ONE, id).join();

        assertEndedAsRemoved(refresh.join(), id);
    }

    @Test
    void a_removal_during_a_feed_poll_leaves_nothing_and_the_poll_stops() throws Exception {
        List<String[]> entries = new ArrayList<>();
        web.serve("/e0.html", Page.of(HTML, page("Story 0", "topic0")));
        entries.add(new String[] {"g0", web.url("/e0.html").toString(), "Story 0"});
        web.serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", entries)));
        String id = id(manager.add(ONE, web.url("/feed.xml"), Progress.NONE).join());
        web.serve("/e1.html", Page.of(HTML, page("Story 1", "topic1")));
        entries.add(new String[] {"g1", web.url("/e1.html").toString(), "Story 1"});
        web.serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", entries)));
        embedder.arm();

        manager.pollFeeds();
        embedder.awaitEntered();
        manager.remove(ONE, id).join();
        embedder.release();
        manager.awaitIdle();

        assertLeftNothing(id);
    }

    private void assertEndedAsRemoved(SourceChange change, String id) {
        assertThat(change.done()).isFalse();
        assertThat(change).isInstanceOf(SourceChange.Stopped.class);
        assertLeftNothing(id);
    }

    private void assertLeftNothing(String id) {
        assertThat(registry.get(id)).isEmpty();
        assertThat(copies.articleIds(id)).isEmpty();
        assertThat(indexed(id)).isEmpty();
    }

    /** The id of the first source recorded in this scope, once one is. */
    private String awaitRecord(Scope scope) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            Optional<SourceRecord> found = registry.all().stream().filter(r -> r.source().scope().equals(scope))
                    .findFirst();
            if (found.isPresent()) {
                return found.get().id();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no source was recorded in " + scope);
    }

    private void awaitCopy(String id) throws InterruptedException {
        for (int i = 0; i < 250 && copies.articleIds(id).isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(copies.articleIds(id)).isNotEmpty();
    }

    private void awaitRunning(Scope scope) throws InterruptedException {
        for (int i = 0; i < 250 && manager.jobs(scope).running().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(manager.jobs(scope).running()).isNotEmpty();
    }

    @Test
    void a_full_pass_updates_the_records_counts_and_passes_over_bundled_files_with_any_name() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String id = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());
        Source page = registry.get(id).orElseThrow().source();
        Source bundledFile = new Source("notes (2) — draft", new SourceKind.Bundled(dir.resolve("notes (2) — draft.md")),
                Scope.GLOBAL);

        manager.indexed(List.of(new SourceStatus(bundledFile, "Notes", 1, 4, Optional.empty()),
                new SourceStatus(page, "Robots", 1, 7, Optional.empty())));

        assertThat(registry.get(id).orElseThrow().indexed()).contains(new SourceRecord.Counts(1, 7));
        assertThat(manager.list(Set.of(ONE))).singleElement().satisfies(s -> assertThat(s.passages()).isEqualTo(7));
    }

    @Test
    void one_server_cannot_list_remove_or_refresh_another_servers_source_even_by_its_id() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String id = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());

        SourceChange remove = manager.remove(TWO, id).join();
        SourceChange refresh = manager.refresh(TWO, Optional.of(id), Progress.NONE).join();
        SourceChange guess = manager.remove(TWO, "zzzzzz").join();

        assertThat(manager.list(Set.of(Scope.GLOBAL, TWO))).isEmpty();
        assertThat(remove.done()).isFalse();
        assertThat(refusal(remove)).isEqualTo(new SourceChange.Refusal.UnknownSource(id));
        assertThat(refusal(guess)).isEqualTo(new SourceChange.Refusal.UnknownSource("zzzzzz"));
        assertThat(refusal(refresh)).isEqualTo(new SourceChange.Refusal.UnknownSource(id));
        assertThat(indexed(id)).hasSize(1);
        assertThat(manager.list(Set.of(ONE))).hasSize(1);
    }

    @Test
    void the_same_url_is_not_added_twice_in_a_server_but_may_be_in_another() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        manager.add(ONE, web.url("/robots.html"), Progress.NONE).join();

        SourceChange again = manager.add(ONE, web.url("/robots.html"), Progress.NONE).join();
        SourceChange elsewhere = manager.add(TWO, web.url("/robots.html"), Progress.NONE).join();

        assertThat(again.done()).isFalse();
        assertThat(refusal(again)).isInstanceOfSatisfying(SourceChange.Refusal.AlreadyASource.class,
                r -> assertThat(r.existingTitle()).isEqualTo("Robots dance at the gala"));
        assertThat(elsewhere.done()).isTrue();
    }

    @Test
    void uploads_text_markdown_html_and_pdf_files() throws IOException {
        web.serve("/notes.md", Page.of("text/markdown", "---\ntitle: Harbour notes\nauthor: Ann\n---\n"
                + WebFixtures.prose("harbour", 1) + "\n"))
                .serve("/page.html", Page.of(HTML, page("Saved page", "market")))
                .serve("/report.pdf", Page.of("application/pdf", pdf(WebFixtures.prose("lighthouse", 1))));

        SourceChange md = manager.upload(ONE, "notes.md", web.url("/notes.md"), Progress.NONE).join();
        SourceChange html = manager.upload(ONE, "page.html", web.url("/page.html"), Progress.NONE).join();
        SourceChange pdf = manager.upload(ONE, "report.pdf", web.url("/report.pdf"), Progress.NONE).join();

        assertThat(List.of(md, html, pdf)).allSatisfy(c -> assertThat(c.done()).as(String.valueOf(c)).isTrue());
        assertThat(md.source().orElseThrow().title()).isEqualTo("Harbour notes");
        assertThat(html.source().orElseThrow().title()).isEqualTo("Saved page");
        assertThat(pdf.source().orElseThrow().source().kind()).isEqualTo(new SourceKind.Upload("report.pdf"));
        assertThat(copies.read(id(pdf), id(pdf))).contains("file: report.pdf", "lighthouse");
        assertThat(indexed(id(pdf))).hasSize(1);
    }

    @Test
    void a_local_file_can_be_uploaded_from_the_terminal() throws IOException {
        Path file = dir.resolve("local.txt");
        Files.writeString(file, WebFixtures.prose("ferry", 1));

        SourceChange change = manager.upload(Scope.GLOBAL, "local.txt", file.toUri(), Progress.NONE).join();

        assertThat(change.done()).as(String.valueOf(change)).isTrue();
        assertThat(change.source().orElseThrow().source().scope()).isEqualTo(Scope.GLOBAL);
    }

    @Test
    void a_source_over_the_passage_limit_is_refused_with_the_limit_and_leaves_nothing() {
        restart(2, Duration.ofMinutes(10));
        web.serve("/long.html", Page.of(HTML, page("A long page", "tides")));

        SourceChange change = manager.add(ONE, web.url("/long.html"), Progress.NONE).join();

        assertThat(change.done()).isFalse();
        assertThat(change).isEqualTo(new SourceChange.Failed(SourceChange.Operation.ADDING, "A long page",
                new SourceChange.Problem.TooManyPassages(2)));
        assertThat(registry.all()).isEmpty();
        assertThat(copies.sourceIds()).isEmpty();
        assertThat(index.articles()).isEmpty();
    }

    @Test
    void a_job_over_its_time_limit_stops_as_failed_with_the_limit_and_leaves_nothing() {
        restart(Integer.MAX_VALUE, Duration.ZERO);
        web.serve("/slow.html", Page.of(HTML, page("A page that takes too long", "tides")));

        SourceChange change = manager.add(ONE, web.url("/slow.html"), Progress.NONE).join();

        assertThat(change.done()).isFalse();
        assertThat(change).isEqualTo(new SourceChange.Failed(SourceChange.Operation.ADDING,
                "A page that takes too long",
                new SourceChange.Problem.TookTooLong(Duration.ZERO)));
        assertThat(registry.all()).isEmpty();
        assertThat(copies.sourceIds()).isEmpty();
        assertThat(index.articles()).isEmpty();
    }

    @Test
    void a_process_that_only_reads_the_index_refuses_source_changes_before_fetching_anything() throws IOException {
        Path path = dir.resolve("lucene");
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        try (LuceneIndex writer = LuceneIndex.openWritable(path, "t", false);
                LuceneIndex reader = LuceneIndex.openReadOnly(path, "t");
                Fetcher readOnlyFetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                        .withAllowedPorts(Set.of(web.port())));
                SourceManager readOnly = new SourceManager(new FileSourceRegistry(dir.resolve("ro-sources")),
                        new FileCopyStore(dir.resolve("ro-copies")), new Ingester(reader, new HashingEmbedder(),
                                new SourceReader(new ArticleFiles(), copies), 60, 20),
                        reader, readOnlyFetcher, 50, new SourceBoard(), Clock.systemUTC())) {
            SourceChange add = readOnly.add(ONE, web.url("/robots.html"), Progress.NONE).join();
            SourceChange remove = readOnly.remove(ONE, "abc123").join();

            assertThat(List.of(add, remove)).allSatisfy(c -> {
                assertThat(c.done()).isFalse();
                assertThat(refusal(c)).isEqualTo(new SourceChange.Refusal.IndexReadOnly());
            });
            assertThat(web.hits("/robots.html")).isZero();
            assertThat(Files.exists(dir.resolve("ro-sources"))).isFalse();
        }
    }

    @Test
    void a_symbolic_link_a_pipe_or_a_folder_is_refused_before_it_is_read_and_leaves_nothing() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "root:*:20228:0:99999:7:::");
        Path link = Files.createSymbolicLink(dir.resolve("notes.txt"), secret);
        Path fifo = dir.resolve("pipe.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path folder = Files.createDirectory(dir.resolve("folder.md"));

        SourceChange linked = manager.upload(Scope.GLOBAL, "notes.txt", link.toUri(), Progress.NONE).join();
        SourceChange piped = manager.upload(Scope.GLOBAL, "pipe.txt", fifo.toUri(), Progress.NONE).join();
        SourceChange foldered = manager.upload(Scope.GLOBAL, "folder.md", folder.toUri(), Progress.NONE).join();

        assertThat(fetchProblem(linked)).contains("notes.txt is a symbolic link").doesNotContain("root:");
        assertThat(fetchProblem(piped)).contains("pipe.txt is not a regular file");
        assertThat(fetchProblem(foldered)).contains("folder.md is not a regular file");
        assertThat(List.of(linked, piped, foldered)).noneMatch(SourceChange::done);
        assertThat(registry.all()).isEmpty();
        assertThat(copies.sourceIds()).isEmpty();
    }

    @Test
    void a_file_over_the_fetch_cap_is_refused_with_the_cap() throws IOException {
        manager.close();
        fetcher.close();
        manager = manager(FetchSettings.defaults().withMaxBytes(1024));
        Path big = dir.resolve("big.txt");
        Files.writeString(big, WebFixtures.prose("ferry", 1).repeat(50));

        SourceChange change = manager.upload(Scope.GLOBAL, "big.txt", big.toUri(), Progress.NONE).join();

        assertThat(change.done()).isFalse();
        assertThat(fetchProblem(change)).contains("big.txt is larger than 1 KB");
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void a_utf16_text_file_with_its_byte_order_mark_is_read_as_text() throws IOException {
        Path file = dir.resolve("wide.txt");
        Files.write(file, ("\uFEFF" + WebFixtures.prose("lantern", 1)).getBytes(StandardCharsets.UTF_16LE));

        SourceChange change = manager.upload(Scope.GLOBAL, "wide.txt", file.toUri(), Progress.NONE).join();

        assertThat(change.done()).as(String.valueOf(change)).isTrue();
        String copy = copies.read(id(change), id(change));
        assertThat(copy).contains(WebFixtures.prose("lantern", 1).strip()).doesNotContain("\u0000", "\uFEFF");
    }

    @Test
    void the_same_text_uploaded_twice_in_a_scope_is_one_source() throws IOException {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("copy of first.txt");
        Files.writeString(first, WebFixtures.prose("ferry", 1));
        Files.writeString(second, WebFixtures.prose("ferry", 1));

        SourceChange one = manager.upload(ONE, "first.txt", first.toUri(), Progress.NONE).join();
        SourceChange again = manager.upload(ONE, "copy of first.txt", second.toUri(), Progress.NONE).join();
        SourceChange elsewhere = manager.upload(TWO, "copy of first.txt", second.toUri(), Progress.NONE).join();

        assertThat(one.done()).as(String.valueOf(one)).isTrue();
        assertThat(again.done()).isFalse();
        assertThat(refusal(again)).isEqualTo(new SourceChange.Refusal.AlreadyASource("copy of first.txt",
                one.source().orElseThrow().title(), id(one)));
        assertThat(elsewhere.done()).as(String.valueOf(elsewhere)).isTrue();
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void bad_uploads_get_a_clear_message_and_leave_nothing_behind() throws IOException {
        web.serve("/scan.pdf", Page.of("application/pdf", pdf(null)))
                .serve("/broken.pdf", Page.of("application/pdf", "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.UTF_8)));

        SourceChange exe = manager.upload(ONE, "setup.exe", web.url("/setup.exe"), Progress.NONE).join();
        SourceChange scan = manager.upload(ONE, "scan.pdf", web.url("/scan.pdf"), Progress.NONE).join();
        SourceChange broken = manager.upload(ONE, "broken.pdf", web.url("/broken.pdf"), Progress.NONE).join();

        assertThat(refusal(exe)).isEqualTo(new SourceChange.Refusal.NotAReadableFile("setup.exe"));
        assertThat(fetchProblem(scan)).contains("scan.pdf has no text layer");
        assertThat(fetchProblem(broken)).contains("broken.pdf is not a readable PDF");
        assertThat(List.of(exe, scan, broken)).noneMatch(SourceChange::done);
        assertThat(registry.all()).isEmpty();
        assertThat(copies.sourceIds()).isEmpty();
        assertThat(index.articles()).isEmpty();
    }

    @Test
    void by_default_a_url_on_this_machine_is_refused() {
        manager.close();
        manager = manager(FetchSettings.defaults());
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));

        SourceChange change = manager.add(ONE, URI.create("http://127.0.0.1/robots.html"), Progress.NONE).join();

        assertThat(change.done()).isFalse();
        assertThat(fetchProblem(change)).contains("127.0.0.1").contains("public addresses");
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void something_that_is_not_a_web_address_is_refused_without_fetching() {
        SourceChange change = manager.add(ONE, URI.create("file:///etc/passwd"), Progress.NONE).join();

        assertThat(change.done()).isFalse();
        assertThat(refusal(change)).isEqualTo(new SourceChange.Refusal.NotAWebAddress(
                URI.create("file:///etc/passwd")));
    }

    @Test
    void status_shows_the_job_running_and_those_waiting() {
        web.serve("/slow.html", Page.of(HTML, page("A slow page", "slowness")).slow(Duration.ofMillis(800)))
                .serve("/next.html", Page.of(HTML, page("Next page", "ferry")));
        CompletableFuture<SourceChange> slow = manager.add(ONE, web.url("/slow.html"), Progress.NONE);
        CompletableFuture<SourceChange> next = manager.add(ONE, web.url("/next.html"), Progress.NONE);

        SourceJobs jobs = manager.jobs(ONE);
        SourceJobs elsewhere = manager.jobs(TWO);
        slow.join();
        next.join();

        assertThat(jobs.running()).singleElement().asString().contains("/slow.html");
        assertThat(jobs.queued()).singleElement().asString().contains("/next.html");
        assertThat(elsewhere.running()).isEmpty();
        assertThat(manager.jobs(ONE).running()).isEmpty();
    }

    @Test
    void progress_is_reported_entry_by_entry_while_a_feed_is_added() {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            web.serve("/" + i + ".html", Page.of(HTML, page("Story " + i, "topic" + i)));
            entries.add(new String[] {"g" + i, web.url("/" + i + ".html").toString(), "Story " + i});
        }
        web.serve("/feed.xml", Page.of(RSS, WebFixtures.rss("Harbour news", entries)));
        List<String> reports = new ArrayList<>();

        manager.add(ONE, web.url("/feed.xml"),
                (step, done, total) -> reports.add(step.kind() + " " + step.subject() + " " + done + "/" + total)).join();

        assertThat(reports).contains("FETCHING_ENTRIES Harbour news 0/4", "FETCHING_ENTRIES Harbour news 3/4",
                "FETCHED_ENTRIES Harbour news 4/4");
    }

    @Test
    void after_a_crash_an_add_cut_short_is_undone_and_retried_and_a_removal_finished() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String removedId = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());
        SourceRecord removing = registry.get(removedId).orElseThrow().with(SourceRecord.State.REMOVING);
        registry.put(removing);
        SourceRecord cutShort = new SourceRecord(new footnote.corpus.Source("cut123",
                new SourceKind.WebPage(web.url("/robots.html")), TWO), "robots", SourceRecord.State.ADDING,
                Instant.now(), Optional.empty(), Optional.empty());
        registry.put(cutShort);
        copies.write("cut123", "cut123", "---\ntitle: half\n---\nHalf written.\n");
        copies.write("orphan", "orphan", "---\ntitle: nobody's\n---\nNobody owns this.\n");

        manager.recover();
        manager.awaitIdle();

        assertThat(registry.get(removedId)).isEmpty();
        assertThat(indexed(removedId)).isEmpty();
        assertThat(registry.get("cut123")).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SourceRecord.State.READY));
        assertThat(indexed("cut123")).hasSize(1);
        assertThat(copies.sourceIds()).containsExactly("cut123");
    }

    @Test
    void a_retry_that_was_cut_short_too_is_given_up_instead_of_tried_at_every_start() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        SourceRecord firstTry = new SourceRecord(new footnote.corpus.Source("try123",
                new SourceKind.WebPage(web.url("/robots.html")), TWO), "robots", SourceRecord.State.ADDING,
                Instant.now(), Optional.empty(), Optional.empty());
        SourceRecord retried = new SourceRecord(new footnote.corpus.Source("again1",
                new SourceKind.WebPage(web.url("/robots.html")), ONE), "robots", SourceRecord.State.ADDING,
                Instant.now(), Optional.empty(), Optional.empty(), 2);
        registry.put(firstTry);
        registry.put(retried);
        copies.write("again1", "again1", "---\ntitle: half\n---\nHalf written again.\n");

        manager.recover();
        manager.awaitIdle();

        assertThat(registry.get("try123")).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(SourceRecord.State.READY);
            assertThat(r.attempt()).isEqualTo(2);
        });
        assertThat(registry.get("again1")).isEmpty();
        assertThat(copies.articleIds("again1")).isEmpty();
        assertThat(indexed("again1")).isEmpty();
    }

    @Test
    void a_moderators_add_runs_before_start_up_retries_still_waiting() {
        web.serve("/ferry.html", Page.of(HTML, page("Ferry timetable", "ferry")));
        for (int i = 0; i < 3; i++) {
            web.serve("/slow" + i + ".html", Page.of(HTML, page("A slow page " + i, "slowness")).slow(Duration.ofMillis(600)));
            registry.put(new SourceRecord(new footnote.corpus.Source("retry" + i,
                    new SourceKind.WebPage(web.url("/slow" + i + ".html")), TWO), "slow", SourceRecord.State.ADDING,
                    Instant.now(), Optional.empty(), Optional.empty()));
        }
        manager.recover();

        CompletableFuture<SourceChange> asked = manager.add(ONE, web.url("/ferry.html"), Progress.NONE);
        SourceChange added = asked.join();

        assertThat(added.done()).isTrue();
        // the first retry may have started before the add was asked for; the last one still waits
        assertThat(registry.get("retry2").orElseThrow().state()).isEqualTo(SourceRecord.State.ADDING);
        manager.awaitIdle();
        assertThat(registry.get("retry2").orElseThrow().state()).isEqualTo(SourceRecord.State.READY);
    }

    @Test
    void a_damaged_record_keeps_its_copies_and_passages_through_a_restart_and_a_repair_restores_it() throws IOException {
        Path file = dir.resolve("ferry.txt");
        Files.writeString(file, WebFixtures.prose("ferry", 1));
        String upload = id(manager.upload(ONE, "ferry.txt", file.toUri(), Progress.NONE).join());
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String page = id(manager.add(TWO, web.url("/robots.html"), Progress.NONE).join());
        Files.writeString(dir.resolve("sources/" + upload + ".json"), "{ garbled");
        Files.writeString(dir.resolve("sources/backup/" + upload + ".json"), "");
        restart(Integer.MAX_VALUE, Duration.ofMinutes(10));

        manager.recover();
        manager.awaitIdle();
        new Ingester(index, new HashingEmbedder(), new SourceReader(new ArticleFiles(), copies), 60, 20)
                .sync(manager.registered(), manager.untouchable(), footnote.ingest.IngestProgress.NONE);

        assertThat(registry.all()).extracting(SourceRecord::id).containsExactly(page);
        assertThat(copies.articleIds(upload)).isNotEmpty();
        assertThat(indexed(upload)).hasSize(1);
        List<Repair> repairs = manager.repair();
        assertThat(repairs).singleElement().isInstanceOfSatisfying(Repair.Restored.class, r -> {
            assertThat(r.record().source().scope()).isEqualTo(ONE);
            assertThat(r.record().source().kind()).isEqualTo(new SourceKind.Upload("ferry.txt"));
        });
        assertThat(registry.all()).extracting(SourceRecord::id).containsExactlyInAnyOrder(page, upload);
        assertThat(registry.quarantined()).isEmpty();
    }

    @Test
    void a_page_whose_copies_vanished_keeps_answering_and_is_fetched_again_at_start_up() throws IOException {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        String page = id(manager.add(ONE, web.url("/robots.html"), Progress.NONE).join());
        copies.deleteAll(page);

        assertThat(manager.untouchable()).containsExactly(page);
        manager.recover();
        manager.awaitIdle();

        assertThat(copies.articleIds(page)).isNotEmpty();
        assertThat(indexed(page)).hasSize(1);
        assertThat(manager.untouchable()).isEmpty();
    }

    @Test
    void with_shared_sources_a_recent_add_is_left_to_the_process_running_it_and_an_old_one_is_retried() {
        web.serve("/robots.html", Page.of(HTML, page("Robots dance at the gala", "robots")));
        SourceRecord running = new SourceRecord(new footnote.corpus.Source("run123",
                new SourceKind.WebPage(web.url("/robots.html")), TWO), "robots", SourceRecord.State.ADDING,
                Instant.now().minus(Duration.ofMinutes(2)), Optional.empty(), Optional.empty());
        SourceRecord abandoned = new SourceRecord(new footnote.corpus.Source("old123",
                new SourceKind.WebPage(web.url("/robots.html")), TWO), "robots", SourceRecord.State.ADDING,
                Instant.now().minus(Duration.ofHours(2)), Optional.empty(), Optional.empty());
        registry.put(running);
        registry.put(abandoned);
        copies.write("run123", "run123", "---\ntitle: half\n---\nBeing written by another process.\n");

        manager.recover(Duration.ofMinutes(30));
        manager.awaitIdle();

        assertThat(registry.get("run123")).contains(running);
        assertThat(copies.articleIds("run123")).containsExactly("run123");
        assertThat(registry.get("old123")).hasValueSatisfying(r -> assertThat(r.state())
                .isEqualTo(SourceRecord.State.READY));
    }

    /** A one-page PDF with this text, or with no text layer at all when {@code text} is null. */
    private static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            if (text != null) {
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.newLineAtOffset(40, 700);
                    for (String line : text.split("(?<=\\G.{80})")) {
                        content.showText(line);
                        content.newLineAtOffset(0, -14);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
