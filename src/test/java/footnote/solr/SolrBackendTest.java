package footnote.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footnote.answer.Answer;
import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.answer.Excerpt;
import footnote.chat.ServerSettings;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.SourceChange;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import footnote.eval.EvalQuestion;
import footnote.eval.Metrics;
import footnote.eval.Outcome;
import footnote.eval.QuestionFiles;
import footnote.fetch.FetchSettings;
import footnote.fetch.Fetcher;
import footnote.ingest.ArticleFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.Ingester;
import footnote.ingest.SourceBoard;
import footnote.ingest.SourceManager;
import footnote.ingest.SourceReader;
import footnote.search.HybridRetriever;
import footnote.search.IndexUnavailableException;
import footnote.search.LuceneIndex;
import footnote.search.PassageIndex;
import footnote.search.TextAnalysis;
import footnote.testing.Fixtures;
import footnote.testing.GatedEmbedder;
import footnote.testing.ManualClock;
import footnote.testing.MemoryCopyStore;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud backend against a real cluster on 127.0.0.1: two Solr nodes and ZooKeeper in this JVM, the
 * collections made by {@link SolrCollections} from the configsets shipped in {@code config/solr}, a passages
 * collection of 2 shards with 2 replicas. The last test stops a node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrBackendTest {

    private static final String PASSAGES = "passages";
    private static final String STATE = "state";
    private static final String SIGNATURE = "test-signature";
    private static final Set<Scope> EVERY_SERVER = Set.of(Scope.GLOBAL);

    @TempDir
    static Path dir;

    private MiniSolrCloudCluster nodes;
    private SolrCluster cluster;
    private InProcessEmbedder embedder;
    private TextAnalysis analysis;
    private SolrPassageIndex solrIndex;
    private LuceneIndex luceneIndex;

    @BeforeAll
    void start() throws Exception {
        nodes = new MiniSolrCloudCluster.Builder(2, dir.resolve("cluster")).withTraceIdGenerationDisabled().build();
        cluster = new SolrCluster(urls(), Duration.ofSeconds(30));
        new SolrCollections(cluster).create(Path.of("config/solr"), PASSAGES, STATE, 2, 2);
        embedder = new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        analysis = new TextAnalysis();
        solrIndex = SolrPassageIndex.open(cluster, PASSAGES, STATE, SIGNATURE, false);
        luceneIndex = LuceneIndex.inMemory(SIGNATURE);
        for (PassageIndex index : List.of(solrIndex, luceneIndex)) {
            new Ingester(index, embedder, new SourceReader(new ArticleFiles(), new MemoryCopyStore()), 60, 20)
                    .sync(BundledSources.in(List.of(Path.of("config/articles"))), IngestProgress.NONE);
        }
    }

    private List<String> urls() {
        return nodes.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {luceneIndex, analysis, cluster}) {
            if (part != null) {
                part.close();
            }
        }
        if (nodes != null) {
            nodes.shutdown();
        }
    }

    /** The shipped answer settings (config/footnote.yaml) over either backend. */
    private Answerer answerer(PassageIndex index) {
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(100, 0.5, 10));
        return new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.7, 0.1, 0.54, 0.1), 3, 400);
    }

    @Test
    @Order(1)
    void the_dev_questions_score_the_same_on_solr_as_on_the_embedded_index() throws Exception {
        List<EvalQuestion> questions = new QuestionFiles().read(Fixtures.resourcePath("eval/dev-questions.jsonl"));
        List<Outcome> onSolr = new ArrayList<>();
        List<Outcome> embedded = new ArrayList<>();
        int sameFirstExcerpt = 0;
        for (EvalQuestion q : questions) {
            Answer solr = answerer(solrIndex).answer(q.question(), EVERY_SERVER);
            Answer lucene = answerer(luceneIndex).answer(q.question(), EVERY_SERVER);
            onSolr.add(Outcome.of(q, solr));
            embedded.add(Outcome.of(q, lucene));
            if (solr.excerpts().stream().findFirst().map(Excerpt::text)
                    .equals(lucene.excerpts().stream().findFirst().map(Excerpt::text))) {
                sameFirstExcerpt++;
            }
        }
        Metrics solr = Metrics.of(onSolr);
        Metrics lucene = Metrics.of(embedded);
        System.out.println("Dev questions, SolrCloud (2 shards x 2 replicas): " + solr.line());
        System.out.println("Dev questions, embedded Lucene:                   " + lucene.line());
        System.out.println("Same first excerpt on both: " + sameFirstExcerpt + " of " + questions.size());

        assertThat(solr.hit1()).isCloseTo(lucene.hit1(), within(0.02));
        assertThat(solr.hit3()).isCloseTo(lucene.hit3(), within(0.02));
        assertThat(solr.declinedUnanswerable()).isCloseTo(lucene.declinedUnanswerable(), within(0.02));
        assertThat(solr.hit1()).isGreaterThan(0.7);
        assertThat(sameFirstExcerpt).as("questions whose first excerpt (or its absence) is the same")
                .isGreaterThanOrEqualTo((int) Math.ceil(questions.size() * 0.95));
    }

    @Test
    @Order(1)
    void term_statistics_match_the_embedded_index_even_from_a_scoped_search() {
        List<String> terms = analysis.keyTerms("Which Tencent boss sat at the table with Jack Ma in December?");
        for (Set<Scope> scopes : List.of(EVERY_SERVER, Set.of(Scope.server("999")))) {
            try (footnote.search.IndexSnapshot solr = solrIndex.snapshot();
                    footnote.search.IndexSnapshot lucene = ((PassageIndex) luceneIndex).snapshot()) {
                solr.lexical(terms, scopes, 10);
                for (String term : terms) {
                    assertThat(solr.documentFrequency(term)).as(term).isEqualTo(lucene.documentFrequency(term));
                }
                assertThat(solr.passageCount()).isEqualTo(lucene.passageCount());
            }
        }
    }

    @Test
    @Order(1)
    void both_backends_read_back_the_same_passages_captions_and_date_notes_included() {
        List<String> terms = analysis.keyTerms("When did Xi meet private entrepreneurs at the symposium?");
        try (footnote.search.IndexSnapshot solr = solrIndex.snapshot();
                footnote.search.IndexSnapshot lucene = ((PassageIndex) luceneIndex).snapshot()) {
            List<Passage> fromSolr = solr.lexical(terms, EVERY_SERVER, 1000).stream().map(solr::passage).toList();
            List<Passage> fromLucene = lucene.lexical(terms, EVERY_SERVER, 1000).stream().map(lucene::passage).toList();

            assertThat(fromSolr).containsExactlyInAnyOrderElementsOf(fromLucene);
            assertThat(fromSolr).filteredOn(p -> p.kind() == PassageKind.CAPTION)
                    .anySatisfy(p -> assertThat(p.text()).contains("on 17 Feb."));
            assertThat(fromSolr).anySatisfy(p -> assertThat(p.metadata().dateNote())
                    .contains("Written shortly after the February 2025 symposium"));
        }
    }

    @Test
    @Order(2)
    void an_article_put_again_replaces_its_passages_and_a_removed_one_disappears() {
        var article = Fixtures.article("robots", "Robots at the gala", "Sixteen humanoid robots danced at the gala.");
        var chunks = new footnote.corpus.Chunker(60, 20).chunk(article);
        var indexed = new footnote.search.IndexedArticle("robots", "robots", Scope.GLOBAL, "Robots at the gala", "v1",
                chunks.size());
        solrIndex.putArticle(indexed, chunks, embedder.embedPassages(chunks.stream().map(p -> p.text()).toList()));
        var changed = Fixtures.article("robots", "Robots at the gala", "Twelve robots sang at the opera instead.");
        var changedChunks = new footnote.corpus.Chunker(60, 20).chunk(changed);
        solrIndex.putArticle(new footnote.search.IndexedArticle("robots", "robots", Scope.GLOBAL, "Robots at the gala",
                "v2", changedChunks.size()), changedChunks,
                embedder.embedPassages(changedChunks.stream().map(p -> p.text()).toList()));
        solrIndex.commit();

        assertThat(solrIndex.articles().get("robots").fingerprint()).isEqualTo("v2");
        assertThat(answerer(solrIndex).answer("Which robots sang at the opera?", EVERY_SERVER).excerpts())
                .first().satisfies(e -> assertThat(e.text()).contains("Twelve robots sang"));
        assertThat(answerer(solrIndex).answer("How many humanoid robots danced?", EVERY_SERVER).excerpts())
                .noneMatch(e -> e.text().contains("Sixteen humanoid"));

        solrIndex.removeArticle("robots");
        solrIndex.commit();

        assertThat(solrIndex.articles()).doesNotContainKey("robots");
        assertThat(answerer(solrIndex).answer("Which robots sang at the opera?", EVERY_SERVER).excerpts())
                .noneMatch(e -> e.text().contains("Twelve robots"));
    }

    @Test
    @Order(3)
    void one_server_never_sees_another_servers_passages() {
        Scope one = Scope.server("111");
        Scope two = Scope.server("222");
        var article = new footnote.corpus.Article("secret", "secret", one,
                footnote.corpus.ArticleMetadata.titled("Launch plan"), "The zeppelin launches from Lakehurst on Friday.");
        var chunks = new footnote.corpus.Chunker(60, 20).chunk(article);
        solrIndex.putArticle(new footnote.search.IndexedArticle("secret", "secret", one, "Launch plan", "v1",
                chunks.size()), chunks, embedder.embedPassages(chunks.stream().map(p -> p.text()).toList()));
        solrIndex.commit();

        assertThat(answerer(solrIndex).answer("Where does the zeppelin launch from?", Set.of(one)).excerpts())
                .anyMatch(e -> e.text().contains("Lakehurst"));
        assertThat(answerer(solrIndex).answer("Where does the zeppelin launch from?", Set.of(two, Scope.GLOBAL))
                .excerpts()).noneMatch(e -> e.text().contains("Lakehurst"));
    }

    @Test
    @Order(4)
    void what_one_process_writes_another_sees_at_once() throws Exception {
        try (SolrCluster other = new SolrCluster(urls(), Duration.ofSeconds(30))) {
            new SolrServerSettingsStore(cluster, STATE).put(new ServerSettings("333", Set.of("9"), Set.of(), false,
                    ServerSettings.AnswersIn.REPLY));
            new SolrCopyStore(cluster, STATE).write("src1", "art1", "---\ntitle: Copy\n---\nThe copied text.");

            ServerSettings seen = new SolrServerSettingsStore(other, STATE).get("333");
            assertThat(seen.moderatorRoles()).containsExactly("9");
            assertThat(seen.showBundled()).isFalse();
            assertThat(seen.answersIn()).isEqualTo(ServerSettings.AnswersIn.REPLY);
            assertThat(new SolrServerSettingsStore(other, STATE).get("444").moderatorRoles()).isEmpty();
            SolrCopyStore copies = new SolrCopyStore(other, STATE);
            assertThat(copies.articleIds("src1")).containsExactly("art1");
            assertThat(copies.read("src1", "art1")).contains("The copied text.");
            assertThat(copies.sourceIds()).contains("src1");

            copies.deleteAll("src1");
            assertThat(new SolrCopyStore(cluster, STATE).articleIds("src1")).isEmpty();
        }
    }

    @Test
    @Order(5)
    void passages_built_with_other_settings_are_refused_with_what_to_do() {
        assertThatThrownBy(() -> SolrPassageIndex.open(cluster, PASSAGES, STATE, "another-model", false))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("built with other settings")
                .hasMessageContaining("index --rebuild");
    }

    @Test
    @Order(6)
    void of_two_processes_one_leads_and_the_other_takes_over_when_its_lease_runs_out() {
        ManualClock clockA = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
        ManualClock clockB = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
        Duration term = Duration.ofSeconds(30);
        try (SolrLeadership a = new SolrLeadership(cluster, STATE, "crash-test", "process-a", term, clockA);
                SolrLeadership b = new SolrLeadership(cluster, STATE, "crash-test", "process-b", term, clockB)) {
            List<String> ledB = new ArrayList<>();
            b.onLeading(() -> ledB.add("b"));

            a.renew();
            b.renew();

            assertThat(a.leads()).isTrue();
            assertThat(b.leads()).isFalse();

            // A stops renewing, as a crashed process does; B keeps trying.
            clockA.advance(Duration.ofSeconds(21));
            clockB.advance(Duration.ofSeconds(21));
            b.renew();
            assertThat(b.leads()).isFalse();
            assertThat(a.leads()).as("a counts itself leader only until a third of the term is left").isFalse();

            clockB.advance(Duration.ofSeconds(10));
            b.renew();

            assertThat(b.leads()).isTrue();
            assertThat(ledB).containsExactly("b");
            a.renew();
            assertThat(a.leads()).as("the old leader, back, finds the lease taken").isFalse();
        }
    }

    @Test
    @Order(7)
    void a_leader_that_stops_cleanly_hands_over_at_the_next_try() {
        Duration term = Duration.ofSeconds(30);
        try (SolrLeadership b = new SolrLeadership(cluster, STATE, "clean-test", "process-b", term, Clock.systemUTC())) {
            try (SolrLeadership a = new SolrLeadership(cluster, STATE, "clean-test", "process-a", term,
                    Clock.systemUTC())) {
                a.renew();
                b.renew();
                assertThat(a.leads()).isTrue();
                assertThat(b.leads()).isFalse();
            }

            b.renew();

            assertThat(b.leads()).isTrue();
        }
    }

    @Test
    @Order(8)
    void processes_take_turns_to_log_in_to_the_gateway() throws Exception {
        Duration spacing = Duration.ofMillis(400);
        List<Instant> logins = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Each process's clock remembers the last time it read: on return, the time its turn was claimed at.
            Instant[] last = new Instant[1];
            Clock clock = new Clock() {
                @Override
                public Instant instant() {
                    last[0] = Instant.now();
                    return last[0];
                }

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            };
            SolrLoginGate gate = new SolrLoginGate(cluster, STATE, spacing, clock);
            processes.add(new Thread(() -> {
                try {
                    gate.await();
                    logins.add(last[0]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        processes.forEach(Thread::start);
        for (Thread process : processes) {
            process.join(20_000);
        }

        List<Instant> sorted = logins.stream().sorted().toList();
        assertThat(sorted).hasSize(4);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThanOrEqualTo(spacing);
        }
    }

    @Test
    @Order(6)
    void a_removal_in_one_process_while_another_still_adds_the_source_leaves_nothing_of_it() throws Exception {
        try (WebServer web = WebServer.start();
                Fetcher fetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                        .withAllowedPorts(Set.of(web.port())));
                SolrCluster otherClient = new SolrCluster(urls(), Duration.ofSeconds(30));
                SourceManager adding = manager(fetcher);
                SourceManager removing = manager(fetcher, otherClient,
                        SolrPassageIndex.open(otherClient, PASSAGES, STATE, SIGNATURE, false))) {
            web.serve("/tides.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Spring tides in the"
                    + " estuary", "Jane Doe", "https://example.org/tides", WebFixtures.prose("tides", 1),
                    WebFixtures.prose("tides", 2))).slow(Duration.ofMillis(1500)));
            Scope server = Scope.server("666");
            SolrSourceRegistry registry = new SolrSourceRegistry(cluster, STATE);

            CompletableFuture<SourceChange> add = adding.add(server, web.url("/tides.html"), Progress.NONE);
            String id = awaitRecord(registry, server);
            SourceChange removed = removing.remove(server, id).join();
            SourceChange added = add.join();

            assertThat(removed.done()).as(String.valueOf(removed)).isTrue();
            assertThat(added.done()).isFalse();
            assertThat(added).isInstanceOf(SourceChange.Stopped.class);
            assertThat(registry.get(id)).isEmpty();
            assertThat(new SolrCopyStore(cluster, STATE).articleIds(id)).isEmpty();
            assertThat(solrIndex.articles().values()).noneMatch(a -> a.sourceId().equals(id));
        }
    }

    @Test
    @Order(7)
    void a_removal_while_an_add_is_embedded_ends_it_as_removed_and_leaves_nothing_in_the_cluster() throws Exception {
        GatedEmbedder gated = new GatedEmbedder(embedder);
        SolrCopyStore copies = new SolrCopyStore(cluster, STATE);
        try (WebServer web = WebServer.start();
                Fetcher fetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                        .withAllowedPorts(Set.of(web.port())));
                SourceManager manager = new SourceManager(new SolrSourceRegistry(cluster, STATE), copies,
                        new Ingester(solrIndex, gated, new SourceReader(new ArticleFiles(), copies), 60, 20),
                        solrIndex, fetcher, 50, new SourceBoard(), Clock.systemUTC())) {
            web.serve("/ferries.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Night ferries"
                    + " return", "Jane Doe", "https://example.org/ferries", WebFixtures.prose("ferries", 1))));
            Scope server = Scope.server("777");
            SolrSourceRegistry registry = new SolrSourceRegistry(cluster, STATE);
            gated.arm();

            CompletableFuture<SourceChange> add = manager.add(server, web.url("/ferries.html"), Progress.NONE);
            gated.awaitEntered();
            String id = awaitRecord(registry, server);
            SourceChange removed = manager.remove(server, id).join();
            gated.release();
            SourceChange added = add.join();

            assertThat(removed.done()).isTrue();
            assertThat(added.done()).isFalse();
            assertThat(registry.get(id)).isEmpty();
            assertThat(copies.articleIds(id)).isEmpty();
            assertThat(solrIndex.articles(id)).isEmpty();
        }
    }

    @Test
    @Order(8)
    void a_removal_during_a_refresh_or_a_feed_poll_leaves_nothing_in_the_cluster() throws Exception {
        GatedEmbedder gated = new GatedEmbedder(embedder);
        SolrCopyStore copies = new SolrCopyStore(cluster, STATE);
        SolrSourceRegistry registry = new SolrSourceRegistry(cluster, STATE);
        try (WebServer web = WebServer.start();
                Fetcher fetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                        .withAllowedPorts(Set.of(web.port())));
                SourceManager manager = new SourceManager(registry, copies,
                        new Ingester(solrIndex, gated, new SourceReader(new ArticleFiles(), copies), 60, 20),
                        solrIndex, fetcher, 50, new SourceBoard(), Clock.systemUTC())) {
            Scope server = Scope.server("888");
            web.serve("/tides.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Tides", "Jane Doe",
                    "https://example.org/tides", WebFixtures.prose("tides", 1))));
            List<String[]> entries = new ArrayList<>();
            web.serve("/e0.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Story 0", "Jane Doe",
                    "https://example.org/e0", WebFixtures.prose("storm", 1))));
            entries.add(new String[] {"g0", web.url("/e0.html").toString(), "Story 0"});
            web.serve("/feed.xml", Page.of("application/rss+xml", WebFixtures.rss("Harbour news", entries)));
            String page = manager.add(server, web.url("/tides.html"), Progress.NONE).join().source().orElseThrow()
                    .source().id();
            String feed = manager.add(server, web.url("/feed.xml"), Progress.NONE).join().source().orElseThrow()
                    .source().id();
            web.serve("/tides.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Tides turn", "Jane Doe",
                    "https://example.org/tides", WebFixtures.prose("tides", 2))));
            web.serve("/e1.html", Page.of("text/html; charset=utf-8", WebFixtures.article("Story 1", "Jane Doe",
                    "https://example.org/e1", WebFixtures.prose("storm", 2))));
            entries.add(new String[] {"g1", web.url("/e1.html").toString(), "Story 1"});
            web.serve("/feed.xml", Page.of("application/rss+xml", WebFixtures.rss("Harbour news", entries)));

            gated.arm();
            CompletableFuture<SourceChange> refresh = manager.refresh(server, java.util.Optional.of(page),
                    Progress.NONE);
            gated.awaitEntered();
            manager.remove(server, page).join();
            gated.release();
            assertThat(refresh.join().done()).isFalse();

            gated.arm();
            manager.pollFeeds();
            gated.awaitEntered();
            manager.remove(server, feed).join();
            gated.release();
            manager.awaitIdle();

            for (String id : List.of(page, feed)) {
                assertThat(registry.get(id)).isEmpty();
                assertThat(copies.articleIds(id)).isEmpty();
                assertThat(solrIndex.articles(id)).isEmpty();
            }
        }
    }

    /** The id of the first source recorded in this server, once one is. */
    private static String awaitRecord(SolrSourceRegistry registry, Scope server) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = registry.all().stream().filter(r -> r.source().scope().equals(server)).findFirst();
            if (found.isPresent()) {
                return found.get().id();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no source was recorded in " + server);
    }

    @Test
    @Order(99)
    void answers_and_source_commands_keep_working_when_a_node_stops() throws Exception {
        nodes.stopJettySolrRunner(0);
        // Each shard's replica on the other node takes over as leader.
        nodes.waitForActiveCollection(PASSAGES, 2, 2);
        nodes.waitForActiveCollection(STATE, 1, 1);

        assertThat(answerer(solrIndex).answer("Who sat at the table with Jack Ma?", EVERY_SERVER).excerpts())
                .isNotEmpty();

        try (WebServer web = WebServer.start();
                Fetcher fetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)
                        .withAllowedPorts(Set.of(web.port())));
                SourceManager manager = manager(fetcher)) {
            web.serve("/glaciers.html", Page.of("text/html; charset=utf-8", WebFixtures.article(
                    "Glaciers retreat in the Alps", "Jane Doe", "https://example.org/glaciers",
                    WebFixtures.prose("glaciers", 1), WebFixtures.prose("glaciers", 2))));
            Scope server = Scope.server("555");

            SourceChange added = manager.add(server, web.url("/glaciers.html"), Progress.NONE).join();

            assertThat(added.done()).as(String.valueOf(added)).isTrue();
            assertThat(new SolrSourceRegistry(cluster, STATE).all())
                    .anyMatch(r -> r.title().equals("Glaciers retreat in the Alps"));
            assertThat(answerer(solrIndex).answer("What is happening to glaciers in the Alps?", Set.of(server))
                    .excerpts()).isNotEmpty();
            String id = added.source().orElseThrow().source().id();
            assertThat(manager.remove(server, id).join().done()).isTrue();
            assertThat(new SolrSourceRegistry(cluster, STATE).get(id)).isEmpty();
        }
    }

    private SourceManager manager(Fetcher fetcher) {
        return manager(fetcher, cluster, solrIndex);
    }

    /** A source manager as another process sharing the cluster has it: its own client and index. */
    private SourceManager manager(Fetcher fetcher, SolrCluster client, PassageIndex index) {
        SolrCopyStore copies = new SolrCopyStore(client, STATE);
        Ingester ingester = new Ingester(index, embedder, new SourceReader(new ArticleFiles(), copies), 60, 20);
        return new SourceManager(new SolrSourceRegistry(client, STATE), copies, ingester, index, fetcher, 50,
                new SourceBoard(), Clock.systemUTC());
    }
}
