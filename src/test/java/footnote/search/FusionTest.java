package footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    @Test
    void blends_min_max_normalised_scores_with_the_given_weight() {
        List<Hit> lexical = List.of(new Hit(1, 10f), new Hit(2, 5f), new Hit(3, 0f));
        List<Hit> dense = List.of(new Hit(3, 0.9f), new Hit(1, 0.5f), new Hit(2, 0.1f));

        List<Fusion.Fused> fused = Fusion.convex(lexical, dense, 0.25);

        // 1: 0.75 * 1 + 0.25 * 0.5; 2: 0.75 * 0.5 + 0; 3: 0 + 0.25 * 1
        assertThat(fused).extracting(Fusion.Fused::handle).containsExactly(1, 2, 3);
        assertThat(fused.get(0).score()).isCloseTo(0.875, within(1e-6));
        assertThat(fused.get(1).score()).isCloseTo(0.375, within(1e-6));
        assertThat(fused.get(2).score()).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void a_passage_missing_from_one_list_scores_zero_there_and_keeps_its_raw_scores() {
        List<Fusion.Fused> fused = Fusion.convex(List.of(new Hit(1, 3f), new Hit(2, 1f)), List.of(new Hit(2, 0.8f)), 0.5);

        Fusion.Fused one = fused.stream().filter(f -> f.handle() == 1).findFirst().orElseThrow();
        Fusion.Fused two = fused.stream().filter(f -> f.handle() == 2).findFirst().orElseThrow();
        assertThat(one.score()).isCloseTo(0.5, within(1e-6));
        assertThat(one.cosine()).isNaN();
        assertThat(two.score()).isCloseTo(0.5, within(1e-6));
        assertThat(two.bm25()).isEqualTo(1.0);
        assertThat(two.cosine()).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void the_dense_weight_moves_the_ranking_between_the_two_lists() {
        List<Hit> lexical = List.of(new Hit(1, 2f), new Hit(2, 1f));
        List<Hit> dense = List.of(new Hit(2, 0.9f), new Hit(1, 0.1f));

        assertThat(Fusion.convex(lexical, dense, 0.2).get(0).handle()).isEqualTo(1);
        assertThat(Fusion.convex(lexical, dense, 0.8).get(0).handle()).isEqualTo(2);
    }

    @Test
    void rejects_a_weight_outside_zero_to_one() {
        assertThatThrownBy(() -> Fusion.convex(List.of(), List.of(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
