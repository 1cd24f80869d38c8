package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyLengthsTest {

    @Test
    void gives_median_and_p90_by_nearest_rank_whatever_the_order() {
        List<Integer> lengths = new ArrayList<>(IntStream.rangeClosed(1, 20).map(i -> i * 100).boxed().toList());
        Collections.shuffle(lengths, new java.util.Random(3));

        ReplyLengths spread = ReplyLengths.of(lengths).orElseThrow();

        assertThat(spread).isEqualTo(new ReplyLengths(20, 1_000, 1_800));
    }

    @Test
    void takes_a_reply_that_was_given_for_an_odd_count_and_a_single_one() {
        assertThat(ReplyLengths.of(List.of(900, 40, 1_700))).contains(new ReplyLengths(3, 900, 1_700));
        assertThat(ReplyLengths.of(List.of(612))).contains(new ReplyLengths(1, 612, 612));
    }

    @Test
    void has_nothing_to_say_about_no_replies() {
        assertThat(ReplyLengths.of(List.of())).isEmpty();
    }
}
