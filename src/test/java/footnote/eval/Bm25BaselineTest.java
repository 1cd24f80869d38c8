package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Bm25BaselineTest {

    @Test
    void cuts_text_into_fixed_windows_of_one_hundred_words() {
        String text = IntStream.range(0, 250).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        List<String> windows = Bm25Baseline.windows(text);

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).split(" ")).hasSize(100).startsWith("w0");
        assertThat(windows.get(2).split(" ")).hasSize(50).startsWith("w200");
    }

    @Test
    void shows_the_best_windows_for_a_question_and_never_declines() throws Exception {
        try (Bm25Baseline baseline = new Bm25Baseline(List.of(
                Fixtures.article("a", "A", "Zebras live on the savanna and drink at rivers."),
                Fixtures.article("b", "B", "Giraffes eat leaves from tall trees.")))) {

            assertThat(baseline.search("What do giraffes eat?", 3)).first().asString().contains("Giraffes eat leaves");
            assertThat(baseline.search("?!", 3)).isEmpty();
        }
    }
}
