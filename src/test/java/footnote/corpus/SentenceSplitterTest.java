package footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splits_at_sentence_ends_but_not_after_abbreviations_followed_by_lower_case() {
        assertThat(splitter.split("Daniel Zhang of Alibaba Group Holding Ltd. and Guo Kaitian spoke. They left."))
                .containsExactly("Daniel Zhang of Alibaba Group Holding Ltd. and Guo Kaitian spoke.", "They left.");
    }

    @Test
    void keeps_initials_and_titles_with_the_name_that_follows() {
        assertThat(splitter.split("Alumni include NASA astronaut John M. Grunsfeld and biologist E. O. Wilson."
                + " Rev. Paul T. Stallsworth spoke at St. Mary's. Then it rained."))
                .containsExactly(
                        "Alumni include NASA astronaut John M. Grunsfeld and biologist E. O. Wilson.",
                        "Rev. Paul T. Stallsworth spoke at St. Mary's.",
                        "Then it rained.");
    }

    @Test
    void attaches_a_stray_closing_quote_to_the_sentence_before() {
        assertThat(splitter.split("He said it was “important.” Intention of the Internet. “"))
                .containsExactly("He said it was “important.”", "Intention of the Internet. “");
    }

    @Test
    void returns_nothing_for_blank_text() {
        assertThat(splitter.split("   ")).isEmpty();
    }

    @Test
    void one_splitter_serves_many_threads_at_once() throws Exception {
        List<String> paragraphs = IntStream.range(0, 64)
                .mapToObj(i -> "Paragraph " + i + " starts here. Dr. Who wrote it in " + (1900 + i) + ". It ends.")
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = paragraphs.stream()
                    .map(p -> pool.submit(() -> {
                        List<String> last = List.of();
                        for (int round = 0; round < 200; round++) {
                            last = splitter.split(p);
                        }
                        return last;
                    }))
                    .toList();
            for (int i = 0; i < paragraphs.size(); i++) {
                assertThat(results.get(i).get()).containsExactly("Paragraph " + i + " starts here.",
                        "Dr. Who wrote it in " + (1900 + i) + ".", "It ends.");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
