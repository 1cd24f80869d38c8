package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoterKeyTest {

    private final VoterKey key = VoterKey.from("a secret token");

    @Test
    void a_member_is_the_same_voter_on_one_record_so_a_second_press_replaces_the_first() {
        assertThat(key.voter("record-1", "123456789012345678")).isEqualTo(key.voter("record-1", "123456789012345678"));
        assertThat(key.voter("record-1", "123456789012345678")).isNotEqualTo(key.voter("record-1", "876543210987654321"));
    }

    @Test
    void a_member_is_a_different_voter_on_each_record_so_records_cannot_be_joined_by_member() {
        assertThat(key.voter("record-1", "123456789012345678")).isNotEqualTo(key.voter("record-2", "123456789012345678"));
    }

    @Test
    void the_voter_reveals_neither_the_member_id_nor_matches_without_the_secret() {
        String voter = key.voter("record-1", "123456789012345678");
        assertThat(voter).hasSize(32).doesNotContain("123456789012345678");
        assertThat(VoterKey.from("another secret").voter("record-1", "123456789012345678")).isNotEqualTo(voter);
    }
}
