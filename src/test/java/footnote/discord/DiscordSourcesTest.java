package footnote.discord;

import footnote.testing.Fixtures;
import static footnote.testing.DiscordServers.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.chat.ChatService;
import footnote.chat.QuestionCheck;
import footnote.corpus.Source;
import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.Interaction;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
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
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.store.FileCopyStore;
import footnote.store.FileSourceRegistry;
import footnote.summary.Summarizer;
import footnote.testing.MemorySettingsStore;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer.Page;
import footnote.testing.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moderators manage sources from Discord: the real Javacord client against the emulator, pages from loopback. */
class DiscordSourcesTest {

    private static InProcessEmbedder embedder;

    @TempDir
    Path dir;

    private WebServer web;
    private LuceneIndex index;
    private Fetcher fetcher;
    private SourceManager sources;
    private DiscordEmulator emulator;
    private DiscordBot bot;

    @BeforeAll
    static void loadModel() {
        embedder = new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
    }

    @BeforeEach
    void start() throws Exception {
        web = WebServer.start();
        index = LuceneIndex.inMemory("discord-sources");
        FileCopyStore copies = new FileCopyStore(dir.resolve("copies"));
        Ingester ingester = new Ingester(index, embedder, new SourceReader(new ArticleFiles(), copies), 60, 20);
        List<Source> bundled = BundledSources.in(List.of(Path.of("config/articles")));
        SourceBoard board = new SourceBoard();
        board.update(ingester.sync(bundled, IngestProgress.NONE));
        fetcher = new Fetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withAllowedPorts(Set.of(web.port())));
        sources = new SourceManager(new FileSourceRegistry(dir.resolve("sources")), copies, ingester, index, fetcher, 50,
                board, Clock.systemUTC());
        TextAnalysis analysis = new TextAnalysis();
        Answerer answerer = new Answerer(new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(100, 0.5, 10)), analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.7, 0.1, 0.54, 0.1), 3, 400);
        MemorySettingsStore settings = new MemorySettingsStore();
        ChatService chat = new ChatService(Fixtures.followUps(answerer, analysis), Fixtures.conversations(), sources, sources, new QuestionCheck(500), settings,
                Summarizer.none());

        emulator = DiscordEmulator.start();
        testServer(emulator);
        otherServer(emulator)
                .role(OTHER_MANAGERS_ROLE, "Managers", DiscordEmulator.MANAGE_GUILD)
                .member(DAVE, "dave", OTHER_MANAGERS_ROLE);
        emulator.prepareJavacord();
        bot = new DiscordBot(chat, settings, new Throttle(20, 8, Clock.systemUTC()), Executors.newFixedThreadPool(2),
                List.of(), true);
        bot.start(DiscordEmulator.TOKEN, emulator.connection());
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        assertThat(emulator.violations()).as("requests that break Discord's API or limits").isEmpty();
        emulator.close();
        sources.close();
        fetcher.close();
        index.close();
        web.close();
    }

    private String addPage(long guild, long channel, long user, String path) {
        Interaction add = emulator.slashCommand(guild, channel, user, "sources", "add", Map.of("url", web.url(path).toString()));
        return emulator.awaitDeferredContent(add, c -> !c.startsWith("⏳"));
    }

    private static String idIn(String message) {
        return message.replaceAll("(?s).*\\(id ([a-z0-9]+)\\).*", "$1");
    }

    private void servePage() {
        web.serve("/zebras.html", Page.of("text/html", WebFixtures.article("Zebras of the northern plain", "Jane Doe",
                "https://example.org/zebras",
                "A herd of four hundred zebras crossed the northern plain in March, led by an old mare called Tamu.",
                "Rangers counted the zebras from a light aircraft and found that the herd had doubled since 2019.",
                "The crossing took eleven days because the river was higher than anyone had seen it.")));
    }

    @Test
    void a_moderator_adds_a_page_and_members_are_answered_from_it_at_once_in_that_server_only() {
        servePage();

        String added = addPage(GUILD, GENERAL, BOB, "/zebras.html");
        String answer = emulator.awaitDeferredContent(emulator.slashCommand(GUILD, GENERAL, ALICE, "ask",
                Map.of("question", "Who led the zebra herd across the northern plain?")), c -> true);
        String elsewhere = emulator.awaitDeferredContent(emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, ALICE, "ask",
                Map.of("question", "Who led the zebra herd across the northern plain?")), c -> true);

        assertThat(added).startsWith("Added page Zebras of the northern plain (id ");
        assertThat(answer).contains("Tamu", "*Zebras of the northern plain*", "<https://example.org/zebras>");
        assertThat(elsewhere).doesNotContain("Tamu");
    }

    @Test
    void members_who_are_not_moderators_cannot_change_sources() {
        JsonNode refusal = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "sources", "add",
                Map.of("url", web.url("/zebras.html").toString())));

        assertThat(refusal.path("content").asText()).startsWith("Only moderators");
        assertThat((refusal.path("flags").asLong() & (1 << 6)) != 0).as("ephemeral").isTrue();
        assertThat(web.hits("/zebras.html")).isZero();
    }

    @Test
    void an_attached_file_is_uploaded_as_a_source() {
        web.serve("/files/notes.md", Page.of("text/markdown", "---\ntitle: Ferry timetable notes\n---\n"
                + "The night ferry leaves the harbour at eleven and reaches the island at dawn, weather allowing.\n"));

        Interaction upload = emulator.slashCommand(GUILD, GENERAL, BOB, "sources", "upload", Map.of("file",
                emulator.attachment("notes.md", web.url("/files/notes.md"), 120, "text/markdown")));
        String done = emulator.awaitDeferredContent(upload, c -> !c.startsWith("⏳"));
        JsonNode list = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "sources", "list", Map.of()));

        assertThat(done).startsWith("Added upload Ferry timetable notes (id ");
        assertThat(list.path("content").asText()).contains("Ferry timetable notes", "`" + idIn(done) + "`", "upload");
    }

    @Test
    void a_removed_source_leaves_the_list_and_stops_answering() {
        servePage();
        String id = idIn(addPage(GUILD, GENERAL, BOB, "/zebras.html"));

        JsonNode removed = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, BOB, "sources", "remove", Map.of("id", id)));
        String answer = emulator.awaitDeferredContent(emulator.slashCommand(GUILD, GENERAL, ALICE, "ask",
                Map.of("question", "Who led the zebra herd across the northern plain?")), c -> true);
        JsonNode list = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, ALICE, "sources", "list", Map.of()));

        assertThat(removed.path("content").asText()).startsWith("Removed Zebras of the northern plain (id " + id + ")");
        assertThat(answer).doesNotContain("Tamu");
        assertThat(list.path("content").asText()).doesNotContain(id);
    }

    @Test
    void another_servers_moderator_cannot_remove_or_refresh_a_source_by_guessing_its_id() {
        servePage();
        String id = idIn(addPage(GUILD, GENERAL, BOB, "/zebras.html"));

        JsonNode remove = emulator.awaitImmediateResponse(emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, DAVE, "sources", "remove",
                Map.of("id", id)));
        String refresh = emulator.awaitDeferredContent(emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, DAVE, "sources", "refresh",
                Map.of("id", id)), c -> !c.startsWith("⏳"));
        JsonNode list = emulator.awaitImmediateResponse(emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, DAVE, "sources", "list", Map.of()));

        assertThat(remove.path("content").asText()).isEqualTo("There is no source " + id + " here; /sources list shows the ids.");
        assertThat(refresh).isEqualTo("There is no source " + id + " here; /sources list shows the ids.");
        assertThat(list.path("content").asText()).doesNotContain(id);
        assertThat(sources.list(Set.of(footnote.corpus.Scope.GLOBAL, footnote.corpus.Scope.server(String.valueOf(GUILD))))).hasSize(5);
    }

    @Test
    void a_long_feed_shows_its_progress_by_editing_the_reply() {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            web.serve("/story" + i + ".html", Page.of("text/html", WebFixtures.article("Story " + i, "Jane Doe",
                    "https://example.org/story" + i, WebFixtures.prose("lighthouse keeper " + i, 1),
                    WebFixtures.prose("storm " + i, 2))).slow(Duration.ofMillis(250)));
            entries.add(new String[] {"g" + i, web.url("/story" + i + ".html").toString(), "Story " + i});
        }
        web.serve("/feed.xml", Page.of("application/rss+xml", WebFixtures.rss("Harbour news", entries)));

        String done = addPage(GUILD, GENERAL, BOB, "/feed.xml");

        assertThat(done).startsWith("Added feed Harbour news (id ").contains("12 articles");
        assertThat(emulator.requests()).anyMatch(r -> r.method().equals("PATCH")
                && r.body().path("content").asText().startsWith("⏳ Fetching the entries of Harbour news: "));
    }

    @Test
    void moderators_can_hide_the_sources_shipped_with_the_bot_in_their_server() {
        JsonNode hidden = emulator.awaitImmediateResponse(emulator.slashCommand(GUILD, GENERAL, BOB, "settings", "bundled",
                Map.of("shown", false)));
        String answer = emulator.awaitDeferredContent(emulator.slashCommand(GUILD, GENERAL, ALICE, "ask",
                Map.of("question", "What is Yaoguang?")), c -> true);
        String elsewhere = emulator.awaitDeferredContent(emulator.slashCommand(OTHER_GUILD, OTHER_CHANNEL, ALICE, "ask",
                Map.of("question", "What is Yaoguang?")), c -> true);

        assertThat(hidden.path("content").asText()).contains("no longer answer here");
        assertThat(answer).isEqualTo("I couldn't find that in the sources.");
        assertThat(elsewhere).contains("Yaoguang");
    }
}
