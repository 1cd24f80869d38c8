package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvidencePolicyTest {

    private final EvidencePolicy policy = new EvidencePolicy(0.7, 0.1, 0.54, 0.1);

    @Test
    void blends_cosine_and_coverage_with_the_given_weight() {
        assertThat(policy.score(new Evidence(0.8, 0.5, 0))).isCloseTo(0.71, within(1e-9));
    }

    @Test
    void a_name_no_source_mentions_lowers_the_score_once() {
        assertThat(policy.score(new Evidence(0.8, 0.5, 2))).isCloseTo(0.61, within(1e-9));
    }

    @Test
    void answers_from_the_threshold_and_supports_further_excerpts_within_the_margin() {
        assertThat(policy.answers(0.54)).isTrue();
        assertThat(policy.answers(0.53)).isFalse();
        assertThat(policy.supports(0.45)).isTrue();
        assertThat(policy.supports(0.43)).isFalse();
    }

    @Test
    void rejects_a_weight_outside_zero_to_one() {
        assertThatThrownBy(() -> new EvidencePolicy(1.2, 0, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
