package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report over a fixture of records, with the shipped embedding model grouping questions by meaning. */
class InsightReportsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static InsightReports reports;

    @BeforeAll
    static void model() {
        reports = new InsightReports(new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15));
    }

    private static int ids;

    private static InsightRecord declined(String question, Duration ago) {
        return new InsightRecord("r" + ids++, "s1", NOW.minus(ago), question, Optional.empty(),
                InsightRecord.Outcome.DECLINED, 0.1, List.of(), Map.of(), Map.of());
    }

    private static InsightRecord answered(String question, Duration ago, String source, Map<String, Vote> votes,
            Map<String, String> comments) {
        return new InsightRecord("r" + ids++, "s1", NOW.minus(ago), question, Optional.empty(),
                InsightRecord.Outcome.ANSWERED, 0.9, List.of(new Cited(source, source + "-a", "Title " + source)),
                votes, comments);
    }

    @Test
    void near_duplicate_unanswered_questions_stand_as_one_line_with_their_count() {
        List<InsightRecord> records = new ArrayList<>();
        for (String q : List.of("when was the symposium", "when was the symposium", "what date was the symposium?",
                "when was the symposium held", "when was the symposium")) {
            records.add(declined(q, Duration.ofDays(1)));
        }
        records.add(declined("who won the football world cup?", Duration.ofDays(2)));
        records.add(declined("how do I bake sourdough bread", Duration.ofDays(3)));
        InsightReport report = reports.build("s1", 7, NOW, records, List.of());
        assertThat(report.unanswered()).hasSize(3);
        assertThat(report.unanswered().get(0).question()).isEqualTo("when was the symposium");
        assertThat(report.unanswered().get(0).count()).isEqualTo(5);
        assertThat(report.unanswered()).extracting(InsightReport.Unanswered::count).containsExactly(5, 1, 1);
    }

    @Test
    void counts_votes_answers_and_sources_cited_and_never_cited_within_the_window() {
        List<InsightRecord> records = List.of(
                answered("who founded unitree", Duration.ofHours(3), "src-a",
                        Map.of("v1", Vote.NOT_HELPFUL, "v2", Vote.HELPFUL), Map.of("v1", "wrong person")),
                answered("what is yaoguang", Duration.ofDays(2), "src-a", Map.of("v3", Vote.HELPFUL), Map.of()),
                declined("when was the symposium", Duration.ofDays(1)),
                answered("an old question", Duration.ofDays(40), "src-b", Map.of(), Map.of()));
        InsightReport report = reports.build("s1", 7, NOW, records, List.of(
                new InsightReport.SourceUse("src-a", "Title src-a", 0),
                new InsightReport.SourceUse("src-c", "Title src-c", 0)));
        assertThat(report.asked()).isEqualTo(3);
        assertThat(report.answered()).isEqualTo(2);
        assertThat(report.helpful()).isEqualTo(2);
        assertThat(report.notHelpful()).isEqualTo(1);
        assertThat(report.disliked()).singleElement().satisfies(d -> {
            assertThat(d.question()).isEqualTo("who founded unitree");
            assertThat(d.comments()).containsExactly("wrong person");
        });
        assertThat(report.mostCited()).singleElement().satisfies(s -> {
            assertThat(s.sourceId()).isEqualTo("src-a");
            assertThat(s.citations()).isEqualTo(2);
        });
        assertThat(report.neverCited()).extracting(InsightReport.SourceUse::sourceId).containsExactly("src-c");
        assertThat(report.days()).hasSize(8);
        assertThat(report.days().get(report.days().size() - 1).answered()).isEqualTo(1);
        assertThat(report.days().stream().mapToInt(InsightReport.Day::declined).sum()).isEqualTo(1);
    }
}
