package footnote.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final Conversations conversations = new Conversations(clock, Duration.ofMinutes(10), 2, 3);

    private static Turn turn(String question) {
        return new Turn(question, List.of(), true, List.of(), Optional.empty());
    }

    @Test
    void keeps_the_last_few_turns_of_a_conversation_oldest_first() {
        ConversationKey key = ConversationKey.thread("s1", "t1");
        conversations.add(key, turn("one"));
        conversations.add(key, turn("two"));
        conversations.add(key, turn("three"));
        assertThat(conversations.recent(key)).extracting(Turn::question).containsExactly("two", "three");
    }

    @Test
    void a_conversation_is_dropped_once_idle_for_the_expiry_and_each_turn_restarts_the_wait() {
        ConversationKey key = ConversationKey.askChannel("s1", "c1", "m1");
        conversations.add(key, turn("one"));
        clock.advance(Duration.ofMinutes(9));
        conversations.add(key, turn("two"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(conversations.recent(key)).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(conversations.recent(key)).isEmpty();
        assertThat(conversations.size()).isZero();
    }

    @Test
    void servers_channels_and_members_never_share_a_conversation() {
        conversations.add(ConversationKey.askChannel("s1", "c1", "m1"), turn("mine"));
        assertThat(conversations.recent(ConversationKey.askChannel("s1", "c1", "m2"))).isEmpty();
        assertThat(conversations.recent(ConversationKey.askChannel("s1", "c2", "m1"))).isEmpty();
        assertThat(conversations.recent(ConversationKey.askChannel("s2", "c1", "m1"))).isEmpty();
        assertThat(conversations.recent(ConversationKey.thread("s1", "c1"))).isEmpty();
    }

    @Test
    void an_answer_message_leads_back_to_its_live_conversation_within_its_server_only() {
        ConversationKey key = ConversationKey.replies("s1", "q1");
        conversations.add(key, turn("one"));
        conversations.link(Optional.of("s1"), "a1", key);
        assertThat(conversations.linked(Optional.of("s1"), "a1")).contains(key);
        assertThat(conversations.linked(Optional.of("s2"), "a1")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(conversations.linked(Optional.of("s1"), "a1")).isEmpty();
    }

    @Test
    void beyond_the_cap_the_conversation_idle_longest_goes_first() {
        for (int i = 1; i <= 4; i++) {
            conversations.add(ConversationKey.terminal(i), turn("q" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(conversations.size()).isEqualTo(3);
        assertThat(conversations.recent(ConversationKey.terminal(1))).isEmpty();
        assertThat(conversations.recent(ConversationKey.terminal(4))).hasSize(1);
    }

    @Test
    void a_key_written_to_a_log_names_the_place_but_not_the_member() {
        assertThat(ConversationKey.askChannel("s1", "c1", "123456789012345678").toString())
                .contains("c1").doesNotContain("123456789012345678");
    }

    @Test
    void forgetting_ends_the_conversation_and_its_links() {
        ConversationKey key = ConversationKey.terminal(1);
        conversations.add(key, turn("one"));
        conversations.link(Optional.empty(), "a1", key);
        conversations.forget(key);
        assertThat(conversations.recent(key)).isEmpty();
        assertThat(conversations.linked(Optional.empty(), "a1")).isEmpty();
    }
}
