package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.config.Config;
import footnote.config.DiscordConfig;
import footnote.config.InsightsConfig;
import footnote.insights.InsightRecord;
import footnote.insights.InsightStore;
import footnote.search.LuceneIndex;
import footnote.store.LuceneInsightStore;
import footnote.testing.HashingEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Insights as the bot builds them: on by default, off when configured so, purged by age, flushed on close. */
class InsightsWiringTest {

    @TempDir
    Path dir;

    private App app(InsightsConfig insights) {
        Config defaults = Config.defaults();
        Config config = defaults.withIndex(defaults.index().withPath(dir.toString())).withInsights(insights);
        return new App(config, new HashingEmbedder(), LuceneIndex.inMemory("insights-wiring"));
    }

    private static InsightRecord record(String id, Instant asked) {
        return new InsightRecord(id, "111", asked, "when was the symposium", Optional.empty(),
                InsightRecord.Outcome.DECLINED, 0.1, List.of(), Map.of(), Map.of());
    }

    @Test
    void a_question_is_recorded_by_default_and_reaches_index_insights_when_the_app_closes() throws IOException {
        try (App app = app(InsightsConfig.defaults())) {
            Reply reply = app.chat.handle(new Command.Ask("when was the symposium?"), Context.terminal());
            assertThat(reply.answered().flatMap(Reply.Answered::recordId)).isPresent();
        }

        try (InsightStore store = new LuceneInsightStore(dir.resolve("insights"))) {
            assertThat(store.servers()).containsExactly(InsightRecord.TERMINAL);
        }
    }

    @Test
    void with_insights_disabled_nothing_is_recorded_and_the_report_is_off() throws IOException {
        try (App app = app(new InsightsConfig(false, 90))) {
            Reply answer = app.chat.handle(new Command.Ask("when was the symposium?"), Context.terminal());
            Reply report = app.chat.handle(new Command.Insights(7), Context.terminal());

            assertThat(answer.answered().flatMap(Reply.Answered::recordId)).isEmpty();
            assertThat(report).isEqualTo(new Reply.InsightsOff());
        }
        assertThat(dir.resolve("insights")).doesNotExist();
    }

    @Test
    void the_purge_deletes_records_past_the_retention_and_keeps_the_rest() throws IOException {
        try (App app = app(new InsightsConfig(true, 30))) {
            Instant now = Instant.now();
            app.storage.insights().put(record("old", now.minus(Duration.ofDays(31))));
            app.storage.insights().put(record("new", now.minus(Duration.ofDays(29))));

            assertThat(InsightsPurge.purge(app)).isEqualTo(1);
            assertThat(app.storage.insights().since("111", Instant.EPOCH)).extracting(InsightRecord::id)
                    .containsExactly("new");
        }
    }

    @Test
    void voters_are_hashed_under_the_discord_token_else_under_a_secret_of_this_process_alone() {
        DiscordConfig discord = DiscordConfig.defaults();

        String withToken = App.voterKey(discord, name -> name.equals("DISCORD_TOKEN") ? " t0ken " : null)
                .voter("r1", "m1");
        String sameToken = App.voterKey(discord, name -> "t0ken").voter("r1", "m1");
        String terminal = App.voterKey(discord, name -> null).voter("r1", "m1");
        String otherStart = App.voterKey(discord, name -> null).voter("r1", "m1");

        assertThat(withToken).isEqualTo(sameToken);
        assertThat(terminal).isNotEqualTo(otherStart).isNotEqualTo(withToken);
    }
}
