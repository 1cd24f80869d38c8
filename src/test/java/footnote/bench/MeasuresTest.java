package footnote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The arithmetic and bookkeeping of the benchmark, apart from anything timed. */
class MeasuresTest {

    @Test
    void percentiles_are_the_median_the_99th_and_the_maximum_in_milliseconds() {
        List<Long> values = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(i -> i * 1_000_000L).toList());
        Collections.shuffle(values, new java.util.Random(3));

        Percentiles p = Percentiles.of(values.stream().mapToLong(Long::longValue).toArray());

        assertThat(p.p50()).isEqualTo(100.0);
        assertThat(p.p99()).isEqualTo(198.0);
        assertThat(p.max()).isEqualTo(200.0);
        assertThat(p.count()).isEqualTo(200);
    }

    @Test
    void every_question_is_asked_exactly_once_whatever_the_number_of_askers() {
        List<String> questions = IntStream.range(0, 500).mapToObj(i -> "q" + i).toList();
        ConcurrentHashMap<String, Integer> asked = new ConcurrentHashMap<>();

        Throughput.Result result = Throughput.measure(questions, 16, q -> asked.merge(q, 1, Integer::sum));

        assertThat(asked).hasSize(500).allSatisfy((q, times) -> assertThat(times).isEqualTo(1));
        assertThat(result.askers()).isEqualTo(16);
        assertThat(result.latency().count()).isEqualTo(500);
        assertThat(result.answersPerSecond()).isPositive();
    }

    @Test
    void the_report_has_a_row_per_corpus_with_the_ratio_of_answer_to_floor() {
        Percentiles ten = new Percentiles(10, 20, 30, 1000);
        Percentiles eight = new Percentiles(8, 16, 24, 1000);
        AnswerLatency.Result latency = new AnswerLatency.Result(eight, ten, ten, ten, ten, new Percentiles(12, 30, 40,
                1000), eight, eight);
        CorpusResult result = new CorpusResult("10k", 10_000, Optional.of(80.0), Optional.of(12.5), 100.0, 2048,
                latency, List.of(new Throughput.Result(1, 90, ten), new Throughput.Result(16, 150, eight)), 120,
                Optional.of(400L), Optional.of(2.5));

        String report = BenchReport.markdown("Machine: test.", List.of(result));

        assertThat(result.ratioP50()).isEqualTo(1.5);
        assertThat(report).contains("| 10k | 10000 | 1000 | 12.0 | 30.0 | 40.0 |", "| 1.50 | 1.88 |",
                "| 10k | 90 | 150 | 16.0 |", "| 10k | 10000 | 80.0 | 100.0 | 0.80 | 12.5 | 2048 | 120 | 400 | 2.50 |",
                "Machine: test.");
    }

    @Test
    void the_hostile_pages_report_has_a_row_per_page_with_its_outcome_kept_inside_its_cell() {
        HostileResult refused = new HostileResult("one line 8 MB", 8_388_650, 6.84, Optional.of(830L),
                "page makes more than 20000 passages | refused", 0, Optional.empty());
        HostileResult added = new HostileResult("one line 1 MB", 1_048_608, 84.8, Optional.empty(), "Added", 2_756,
                Optional.of(Percentiles.of(new long[] {20_000_000, 30_000_000, 60_000_000})));

        String report = BenchReport.hostile("Machine: test.", 20_000, 10, List.of(refused, added));

        assertThat(report).contains("sources.maxPassages 20,000, sources.maxJobMinutes 10")
                .contains("| one line 8 MB | 8,388,650 | 6.8 | 830 | 0 | - | - | - | page makes more than 20000 passages"
                        + " \\| refused |")
                .contains("| one line 1 MB | 1,048,608 | 84.8 | - | 2,756 | 30.0 | 60.0 | 60.0 | Added |");
    }
}
