package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.discord.DiscordRenderer;
import footnote.discord.OutgoingMessage;
import footnote.insights.InsightReport;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import footnote.testing.InsightFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Moderators read the insights report in the same words in the terminal, in JSON and in Discord. */
class InsightWordingTest {

    private static final Reply.Insights REPORT = new Reply.Insights(InsightFixtures.report());

    @Test
    void the_text_report_gives_the_figures_the_unanswered_questions_with_counts_and_the_sources() {
        String text = new TextRenderer().render(REPORT);

        assertThat(text).isEqualTo("""
                In the last 7 days: 12 questions, 7 answered (58%). Votes: 4 helpful, 2 not helpful.

                Most asked, not answered:
                - when was the symposium ×5
                - who chairs the robotics panel ×2

                Answers voted not helpful:
                - who founded it? (read as: who founded huawei?) · 2 not helpful, 1 helpful
                    “the year is wrong”

                Most cited sources:
                - Xi Jinping’s Meeting with Private Tech Entrepreneurs (id xi-meeting) · 5 answers

                Never cited:
                - Beijing bans rare metal exports (id rare-metals)""");
    }

    @Test
    void an_empty_window_says_so_in_one_line_and_empty_sections_say_none() {
        InsightReport allAnswered = new InsightReport("42", 30, Instant.EPOCH, Instant.EPOCH, 1, 1, 0, 0, List.of(),
                List.of(), List.of(), List.of(), List.of());

        assertThat(new TextRenderer().render(new Reply.Insights(InsightFixtures.empty())))
                .isEqualTo("No questions in the last 7 days.");
        assertThat(new TextRenderer().render(new Reply.Insights(allAnswered))).startsWith(
                "In the last 30 days: 1 question, 1 answered (100%). No votes yet.").contains(
                "Most asked, not answered:\n  None: the sources answered every question.",
                "Never cited:\n  None: every source was cited.");
    }

    @Test
    void the_json_report_is_the_report_as_data() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(REPORT));

        assertThat(json.get("type").asText()).isEqualTo("insights");
        JsonNode report = json.get("report");
        assertThat(report.get("server").asText()).isEqualTo("42");
        assertThat(report.get("asked").asInt()).isEqualTo(12);
        assertThat(report.get("declined").asInt()).isEqualTo(5);
        assertThat(report.get("answered_share").asDouble()).isEqualTo(0.583);
        assertThat(report.get("unanswered").get(0).get("question").asText()).isEqualTo("when was the symposium");
        assertThat(report.get("unanswered").get(0).get("count").asInt()).isEqualTo(5);
        assertThat(report.get("not_helpful_answers").get(0).get("comments").get(0).asText())
                .isEqualTo("the year is wrong");
        assertThat(report.get("most_cited").get(0).get("citations").asInt()).isEqualTo(5);
        assertThat(report.get("never_cited").get(0).get("source_id").asText()).isEqualTo("rare-metals");
        assertThat(report.get("per_day")).hasSize(8);
    }

    @Test
    void discord_shows_the_report_to_the_moderator_alone_with_members_words_escaped() {
        OutgoingMessage message = new DiscordRenderer().render(REPORT);

        assertThat(message.ephemeral()).isTrue();
        assertThat(message.content()).startsWith("**Insights** · In the last 7 days: 12 questions")
                .contains("**Most asked, not answered**\n• when was the symposium ×5", "“the year is wrong”");
    }

    @Test
    void a_busy_servers_report_fits_in_one_discord_message_and_keeps_every_section() {
        String long200 = "why " + "very ".repeat(40) + "long";
        List<InsightReport.Unanswered> unanswered = IntStream.range(0, 10)
                .mapToObj(i -> new InsightReport.Unanswered(long200 + i, 10 - i, Instant.EPOCH)).toList();
        List<InsightReport.Disliked> disliked = IntStream.range(0, 10).mapToObj(i -> new InsightReport.Disliked(
                long200, Optional.of(long200), 1, 0, List.of(long200, long200, long200), Instant.EPOCH)).toList();
        List<InsightReport.SourceUse> sources = IntStream.range(0, 30)
                .mapToObj(i -> new InsightReport.SourceUse("s" + i, long200, i)).toList();
        InsightReport busy = new InsightReport("42", 90, Instant.EPOCH, Instant.EPOCH, 500, 300, 40, 30, unanswered,
                disliked, sources.subList(0, 10), sources, List.of());

        String content = new DiscordRenderer().render(new Reply.Insights(busy)).content();

        assertThat(content.length()).isLessThanOrEqualTo(DiscordRenderer.MAX_CONTENT);
        assertThat(content).contains("**Most asked, not answered**", "**Answers voted not helpful**",
                "**Most cited sources**", "**Never cited**", "more");
    }

    @Test
    void forgetting_and_insights_off_are_worded_for_whoever_reads_them() {
        assertThat(new TextRenderer().render(new Reply.InsightsForgotten(3)))
                .startsWith("Deleted the terminal's 3 insight records");
        assertThat(new DiscordRenderer().render(new Reply.InsightsForgotten(1)).content())
                .startsWith("Deleted this server's 1 insight record:");
        assertThat(new TextRenderer().render(new Reply.InsightsOff())).contains("insights.enabled: false");
        assertThat(new DiscordRenderer().render(new Reply.InsightsOff()).content()).contains("operator");
    }

    @Test
    void a_vote_is_acknowledged_in_one_line() {
        assertThat(InsightLines.vote(VoteResult.RECORDED, Vote.HELPFUL)).isEqualTo("Thanks: noted as helpful.");
        assertThat(InsightLines.vote(VoteResult.CHANGED, Vote.NOT_HELPFUL))
                .isEqualTo("Thanks: your vote is now not helpful.");
        assertThat(InsightLines.vote(VoteResult.EXPIRED, Vote.HELPFUL)).contains("no longer taken");
    }
}
