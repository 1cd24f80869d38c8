package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.testing.Excerpts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final EvalQuestion ASKED = new EvalQuestion("who is the zorblax", List.of("zorblax"));

    private static Answer answer(Answer.Outcome outcome, double confidence) {
        return new Answer(ASKED.question(), Optional.empty(), outcome, confidence, Answer.Timings.NONE);
    }

    @Test
    void a_found_answer_shows_its_excerpts_in_order_with_its_confidence() {
        Answer found = answer(new Answer.Found(List.of(Excerpts.excerpt(1, "First passage."),
                Excerpts.excerpt(2, "The Zorblax is a boat."))), 0.83);

        Outcome outcome = Outcome.of(ASKED, found);

        assertThat(outcome.shown()).containsExactly("First passage.", "The Zorblax is a boat.");
        assertThat(outcome.firstHit()).isEqualTo(2);
        assertThat(outcome.declined()).isFalse();
        assertThat(outcome.confidence()).isEqualTo(0.83);
    }

    @Test
    void a_decline_shows_nothing_even_when_it_names_the_answer_and_keeps_its_confidence() {
        // The rendered decline would say the sources never mention "zorblax": that text must not count as a hit.
        Outcome outcome = Outcome.of(ASKED, answer(new Answer.NotFound(List.of("zorblax")), 0.42));

        assertThat(outcome.declined()).isTrue();
        assertThat(outcome.shown()).isEmpty();
        assertThat(outcome.firstHit()).isZero();
        assertThat(outcome.missed()).isTrue();
        assertThat(outcome.confidence()).isEqualTo(0.42);
    }

    @Test
    void small_talk_counts_as_declined() {
        EvalQuestion greeting = new EvalQuestion("hi there", List.of());

        Outcome outcome = Outcome.of(greeting, answer(new Answer.SmallTalk(Answer.SmallTalk.Kind.GREETING), 0.0));

        assertThat(outcome.declined()).isTrue();
        assertThat(outcome.missed()).isFalse();
        assertThat(Outcome.of(ASKED, answer(new Answer.SmallTalk(Answer.SmallTalk.Kind.THANKS), 0.3)).missed())
                .isTrue();
    }
}
