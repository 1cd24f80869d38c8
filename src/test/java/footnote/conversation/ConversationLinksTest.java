package footnote.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How an adapter finds a conversation again: a reply to an answer through the answer's link, for as long as the
 * conversation lives; a conversation whose place is known only after its first answer (a thread on the answer)
 * moves there whole.
 */
class ConversationLinksTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Conversations conversations = new Conversations(clock, Duration.ofMinutes(10), 3, 100);
    private final ConversationKey asked = ConversationKey.replies("1", "500");
    private final ConversationKey thread = ConversationKey.thread("1", "600");

    private static Turn turn(String question) {
        return new Turn(question, List.of(), true, List.of(), Optional.empty());
    }

    @Test
    void the_turns_and_the_links_follow_the_conversation_to_its_new_place() {
        conversations.add(asked, turn("what is x?"));
        conversations.link(Optional.of("1"), "600", asked);

        conversations.move(asked, thread);

        assertThat(conversations.recent(thread)).extracting(Turn::question).containsExactly("what is x?");
        assertThat(conversations.recent(asked)).isEmpty();
        assertThat(conversations.linked(Optional.of("1"), "600")).contains(thread);
    }

    @Test
    void turns_asked_at_the_new_place_meanwhile_come_after_the_moved_ones() {
        conversations.add(asked, turn("first"));
        conversations.add(thread, turn("second"));

        conversations.move(asked, thread);

        assertThat(conversations.recent(thread)).extracting(Turn::question).containsExactly("first", "second");
    }

    @Test
    void an_expired_conversation_or_a_move_in_place_changes_nothing() {
        conversations.add(asked, turn("first"));
        conversations.move(asked, asked);
        assertThat(conversations.recent(asked)).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        conversations.move(asked, thread);

        assertThat(conversations.size()).isZero();
    }

    @Test
    void a_link_lasts_as_long_as_its_conversation_not_from_when_it_was_made() {
        conversations.add(asked, turn("first"));
        conversations.link(Optional.of("1"), "501", asked);
        clock.advance(Duration.ofMinutes(8));
        conversations.add(asked, turn("second"));
        clock.advance(Duration.ofMinutes(8));

        assertThat(conversations.linked(Optional.of("1"), "501")).as("16 minutes on, 8 after the last turn")
                .contains(asked);
        assertThat(conversations.linked(Optional.of("2"), "501")).as("never from another server").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        assertThat(conversations.linked(Optional.of("1"), "501")).isEmpty();
    }
}
