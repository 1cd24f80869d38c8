package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceChange.Operation;
import footnote.corpus.SourceChange.Problem;
import footnote.corpus.SourceChange.Refusal;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.discord.DiscordRenderer;
import footnote.discord.OutgoingMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each source outcome in words, the sentences moderators read before the outcomes were typed, and the same words
 * from the terminal, JSON and Discord renderers.
 */
class SourceChangeWordingTest {

    private static final SourceStatus FEED = status(new SourceKind.Feed(URI.create("https://example.org/feed")),
            "Example News", 12, 140);
    private static final SourceStatus PAGE = status(new SourceKind.WebPage(URI.create("https://example.org/a")),
            "Robots dance at the gala", 1, 1);

    private static SourceStatus status(SourceKind kind, String title, int articles, int passages) {
        return new SourceStatus(new Source("k3x9qa", kind, Scope.GLOBAL), title, articles, passages, Optional.empty());
    }

    private static String words(SourceChange change) {
        return SourceChangeWording.words(change);
    }

    @Test
    void what_was_done_is_said_with_the_source_its_id_and_its_counts() {
        assertThat(words(new SourceChange.Added(FEED)))
                .isEqualTo("Added feed Example News (id k3x9qa): 12 articles, 140 passages.");
        assertThat(words(new SourceChange.Added(PAGE)))
                .isEqualTo("Added page Robots dance at the gala (id k3x9qa): 1 article, 1 passage.");
        assertThat(words(new SourceChange.Removed(FEED)))
                .isEqualTo("Removed Example News (id k3x9qa): its 140 passages no longer answer questions.");
        assertThat(words(new SourceChange.Unchanged(PAGE)))
                .isEqualTo("Uploaded files do not change; Robots dance at the gala is as it was.");
    }

    @Test
    void a_refresh_says_what_was_new_and_what_changed() {
        assertThat(words(new SourceChange.Refreshed(FEED, 1, 0))).isEqualTo("Refreshed Example News: 1 new.");
        assertThat(words(new SourceChange.Refreshed(FEED, 0, 2))).isEqualTo("Refreshed Example News: 2 changed.");
        assertThat(words(new SourceChange.Refreshed(FEED, 3, 2)))
                .isEqualTo("Refreshed Example News: 3 new, 2 changed.");
        assertThat(words(new SourceChange.Refreshed(FEED, 0, 0))).isEqualTo("Refreshed Example News: nothing new.");
        assertThat(words(new SourceChange.RefreshedAll(4, 0))).isEqualTo("Refreshed 4 sources.");
        assertThat(words(new SourceChange.RefreshedAll(4, 1)))
                .isEqualTo("Refreshed 4 sources; 1 failed (see /sources status).");
    }

    @Test
    void a_job_stopped_by_a_removal_says_so() {
        assertThat(words(new SourceChange.Stopped(Operation.ADDING, "Example News")))
                .isEqualTo("Adding Example News stopped: the source was removed meanwhile.");
        assertThat(words(new SourceChange.Stopped(Operation.REFRESHING, "k3x9qa")))
                .isEqualTo("Refreshing k3x9qa stopped: the source was removed meanwhile.");
    }

    @Test
    void each_refusal_gives_its_reason() {
        assertThat(refused(new Refusal.IndexReadOnly()))
                .isEqualTo("Another Footnote process is writing to this index; run source commands there.");
        assertThat(refused(new Refusal.NotAWebAddress(URI.create("file:///etc/passwd"))))
                .isEqualTo("file:///etc/passwd is not a web address; give an http or https URL.");
        assertThat(refused(new Refusal.NotAReadableFile("setup.exe")))
                .isEqualTo("setup.exe is not a file Footnote reads: upload .txt, .md, .html or .pdf files.");
        assertThat(refused(new Refusal.AlreadyASource("https://example.org/a", "Robots dance at the gala", "k3x9qa")))
                .isEqualTo("https://example.org/a is already a source here: Robots dance at the gala (id k3x9qa).");
        assertThat(refused(new Refusal.UnknownSource("zzzzzz")))
                .isEqualTo("There is no source zzzzzz here; /sources list shows the ids.");
        assertThat(refused(new Refusal.BundledSource("tides")))
                .isEqualTo("tides is a file shipped with the bot; it cannot be removed or refreshed from chat.");
        assertThat(refused(new Refusal.NothingToRefresh())).isEqualTo("There are no added sources to refresh here.");
        assertThat(refused(new Refusal.SourceGone("k3x9qa"))).isEqualTo("Source k3x9qa is gone.");
    }

    private static String refused(Refusal refusal) {
        return words(new SourceChange.Refused(refusal));
    }

    @Test
    void a_failed_add_says_only_why() {
        assertThat(words(failed(Operation.ADDING, new Problem.Fetch("https://example.org/a answered 404 Not Found."))))
                .isEqualTo("https://example.org/a answered 404 Not Found.");
        assertThat(words(failed(Operation.ADDING, new Problem.TooManyPassages(2))))
                .isEqualTo("A long page makes more than 2 passages, the most one source may make"
                        + " (sources.maxPassages).");
        assertThat(words(failed(Operation.ADDING, new Problem.TookTooLong(Duration.ZERO))))
                .isEqualTo("A long page took longer than 0 seconds, the most one source job may take"
                        + " (sources.maxJobMinutes).");
        assertThat(words(failed(Operation.ADDING, new Problem.TookTooLong(Duration.ofMinutes(10)))))
                .contains("took longer than 10 minutes,");
        assertThat(words(failed(Operation.ADDING, new Problem.NoEntries(URI.create("https://example.org/feed")))))
                .isEqualTo("The feed https://example.org/feed has no entries Footnote could read.");
        assertThat(words(failed(Operation.ADDING, new Problem.OnOurSide())))
                .isEqualTo("Adding A long page failed on my side; the details are in the bot's log.");
    }

    @Test
    void a_failed_refresh_says_why_and_that_the_old_text_keeps_answering() {
        assertThat(words(failed(Operation.REFRESHING, new Problem.Fetch("https://example.org/a answered 404."))))
                .isEqualTo("Could not refresh A long page: https://example.org/a answered 404. The text fetched before"
                        + " keeps answering.");
        assertThat(words(failed(Operation.REFRESHING, new Problem.TooManyPassages(2))))
                .isEqualTo("Could not refresh A long page: A long page makes more than 2 passages, the most one source"
                        + " may make (sources.maxPassages). The text fetched before keeps answering.");
        assertThat(words(failed(Operation.REFRESHING, new Problem.NoLongerAFeed(URI.create("https://example.org/f")))))
                .isEqualTo("Could not refresh A long page: https://example.org/f no longer serves a feed. The text"
                        + " fetched before keeps answering.");
        assertThat(words(failed(Operation.REFRESHING, new Problem.NowAFeed(URI.create("https://example.org/a")))))
                .isEqualTo("Could not refresh A long page: https://example.org/a serves a feed now; remove it and add"
                        + " it again as a feed. The text fetched before keeps answering.");
        assertThat(words(failed(Operation.REFRESHING, new Problem.OnOurSide())))
                .isEqualTo("Could not refresh A long page: it failed on my side (see the bot's log). The text fetched"
                        + " before keeps answering.");
    }

    private static SourceChange failed(Operation operation, Problem problem) {
        return new SourceChange.Failed(operation, "A long page", problem);
    }

    @Test
    void the_terminal_json_and_discord_say_the_same_words_and_discord_shows_a_refusal_to_the_asker_alone()
            throws Exception {
        Reply added = new Reply.SourceChanged(new SourceChange.Added(FEED));
        Reply refused = new Reply.SourceChanged(new SourceChange.Refused(new Refusal.UnknownSource("zzzzzz")));
        String addedWords = "Added feed Example News (id k3x9qa): 12 articles, 140 passages.";

        assertThat(new TextRenderer().render(added)).isEqualTo(addedWords);
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(added));
        assertThat(json.path("type").asText()).isEqualTo("source_change");
        assertThat(json.path("done").asBoolean()).isTrue();
        assertThat(json.path("outcome").asText()).isEqualTo("added");
        assertThat(json.path("message").asText()).isEqualTo(addedWords);
        assertThat(json.path("source").path("id").asText()).isEqualTo("k3x9qa");
        assertThat(new DiscordRenderer().render(added)).isEqualTo(new OutgoingMessage(addedWords, false));
        assertThat(new DiscordRenderer().render(refused)).isEqualTo(new OutgoingMessage(
                "There is no source zzzzzz here; /sources list shows the ids.", true));
        JsonNode refusedJson = new ObjectMapper().readTree(new JsonRenderer().render(refused));
        assertThat(refusedJson.path("done").asBoolean()).isFalse();
        assertThat(refusedJson.path("outcome").asText()).isEqualTo("refused");
    }
}
