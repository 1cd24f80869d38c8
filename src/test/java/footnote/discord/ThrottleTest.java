package footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static void release(Throttle.Admission admission) {
        ((Throttle.Admission.Admitted) admission).release().run();
    }

    @Test
    void a_member_may_ask_so_many_questions_a_minute_and_then_waits() {
        Throttle throttle = new Throttle(5, 100, clock);
        for (int i = 0; i < 5; i++) {
            release(throttle.admit("alice"));
            now.set(now.get().plusSeconds(1));
        }

        Throttle.Admission sixth = throttle.admit("alice");

        assertThat(sixth).isInstanceOfSatisfying(Throttle.Admission.Refused.class,
                r -> assertThat(r.message()).contains("5 questions in the last minute", "wait 55 s"));
        assertThat(throttle.admit("bob")).isInstanceOf(Throttle.Admission.Admitted.class);
        now.set(now.get().plus(Duration.ofSeconds(56)));
        assertThat(throttle.admit("alice")).isInstanceOf(Throttle.Admission.Admitted.class);
    }

    @Test
    void only_so_many_questions_are_answered_at_once_and_a_refusal_costs_nothing() {
        Throttle throttle = new Throttle(5, 2, clock);
        Throttle.Admission first = throttle.admit("a");
        throttle.admit("b");

        assertThat(throttle.admit("c")).isInstanceOfSatisfying(Throttle.Admission.Refused.class,
                r -> assertThat(r.message()).contains("many questions right now"));
        release(first);
        release(first); // releasing twice frees one place only
        assertThat(throttle.admit("c")).isInstanceOf(Throttle.Admission.Admitted.class);
        assertThat(throttle.admit("d")).isInstanceOf(Throttle.Admission.Refused.class);
    }

    @Test
    void members_idle_for_a_minute_are_forgotten() {
        Throttle throttle = new Throttle(5, Integer.MAX_VALUE, clock);
        for (int i = 0; i < Throttle.FORGET_EVERY - 1; i++) {
            throttle.admit("member-" + i);
        }
        now.set(now.get().plus(Duration.ofMinutes(2)));

        throttle.admit("late");

        assertThat(throttle.remembered()).isEqualTo(1);
    }
}
