package footnote.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.search.TextAnalysis;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The model-free reading of follow-ups, on turns written here: what each kind of reference points at. */
class FollowUpReaderTest {

    private static final TextAnalysis analysis = new TextAnalysis();
    private final FollowUpReader reader = new FollowUpReader(analysis);

    @AfterAll
    static void close() {
        analysis.close();
    }

    private static Turn turn(String question, String... names) {
        return new Turn(question, List.of(names), true, List.of("Some quoted sentence."), Optional.empty());
    }

    private Optional<String> read(String followUp, List<String> ownNames, Turn... recent) {
        return reader.read(followUp, ownNames, List.of(recent)).map(FollowUpReader.Reading::question);
    }

    @Test
    void what_about_asks_the_last_question_of_the_new_name_in_its_subjects_place() {
        assertThat(read("what about huawei?", List.of("huawei"), turn("who's ren zhengfei?", "ren zhengfei")))
                .contains("who's huawei?");
        assertThat(read("and the nvidia boss?", List.of("nvidia"),
                turn("what did tim cook say at the summit?", "tim cook", "summit")))
                .contains("what did the nvidia boss say at the summit?");
    }

    @Test
    void what_about_a_pronoun_reads_the_pronoun_first() {
        assertThat(read("what about him?", List.of(), turn("what did tim cook say at the summit?", "tim cook"),
                turn("who is lei jun", "lei jun"))).contains("who is lei jun?");
        assertThat(read("and her?", List.of(), turn("who is lei jun", "lei jun"),
                turn("what did mary meeker say at the summit?", "mary meeker", "summit")))
                .contains("what did mary meeker say at the summit?");
    }

    @Test
    void what_about_a_name_that_is_not_the_last_questions_subject_is_asked_beside_it() {
        assertThat(read("what about baidu?", List.of("baidu"), turn("who came to the robotics fair in may?", "may")))
                .contains("who came to the robotics fair in may — baidu?");
    }

    @Test
    void it_and_its_point_at_the_last_subject() {
        assertThat(read("where's it based?", List.of(), turn("what's unitree?", "unitree")))
                .contains("where's unitree based?");
        assertThat(read("who is its founder?", List.of(), turn("what's unitree?", "unitree")))
                .contains("who is unitree's founder?");
    }

    @Test
    void a_possessive_before_the_questions_own_names_still_points_back() {
        assertThat(read("who's their american rival?", List.of("american"), turn("what does bgi sell?", "bgi")))
                .contains("who's bgi's american rival?");
    }

    @Test
    void he_points_at_the_person_a_who_is_question_asked_about() {
        assertThat(read("did he speak at the forum?", List.of("forum"), turn("who is lei jun", "lei jun")))
                .contains("did lei jun speak at the forum?");
    }

    @Test
    void he_after_another_who_question_points_at_the_person_it_was_answered_with() {
        Turn founded = new Turn("who founded unitree?", List.of("unitree"), true, List.of("Wang Xingxing founded it."),
                Optional.of("Wang Xingxing"));
        assertThat(read("where did he study?", List.of(), founded)).contains("where did Wang Xingxing study?");
    }

    @Test
    void the_person_in_a_who_answer_is_the_run_of_capitalised_words_the_question_did_not_name() {
        assertThat(FollowUpReader.nameIn("Unitree founder and CEO Wang Xingxing", List.of("unitree")))
                .contains("Wang Xingxing");
        assertThat(FollowUpReader.nameIn("the CEO of Unitree", List.of("unitree"))).isEmpty();
    }

    @Test
    void a_bare_question_after_one_the_sources_did_not_answer_is_left_alone() {
        Turn declined = new Turn("what did the minister say in 2030?", List.of("2030"), false, List.of(),
                Optional.empty());
        assertThat(reader.read("why?", List.of(), List.of(declined))).isEmpty();
    }

    @Test
    void that_standing_alone_is_what_the_last_question_was_about() {
        assertThat(read("when was that?", List.of(), turn("who was at the minister's dinner with bankers?")))
                .contains("when was the minister's dinner with bankers?");
    }

    @Test
    void a_question_that_only_names_a_thing_in_play_is_searched_with_the_last_questions_words() {
        Optional<FollowUpReader.Reading> reading = reader.read("what's the budget?", List.of(),
                List.of(turn("what is plan 12?", "plan 12")));
        assertThat(reading).hasValueSatisfying(r -> {
            assertThat(r.question()).isEqualTo("what's the budget? plan 12");
            assertThat(r.shown()).isEqualTo("what's the budget? (following: what is plan 12?)");
            assertThat(r.how()).isEqualTo(FollowUpReader.How.LEANS);
        });
        assertThat(reader.read("what are those chips used for?", List.of(),
                List.of(turn("what did japan restrict in 2019?", "japan", "2019"))))
                .hasValueSatisfying(r -> assertThat(r.how()).isEqualTo(FollowUpReader.How.REFERS));
    }

    @Test
    void a_question_with_names_of_its_own_stands_alone_whatever_pronouns_it_holds() {
        Turn last = turn("who is lei jun", "lei jun");
        assertThat(read("how much did it cost to train unitree's robot", List.of("unitree"), last)).isEmpty();
        assertThat(read("what did the regulator do to jack ma after his speech", List.of("jack ma"), last)).isEmpty();
        assertThat(read("is beijing going soft on tech or is it just talk", List.of("beijing"), last)).isEmpty();
        assertThat(read("what deadline does document 79 set for state firms?", List.of("document 79"), last)).isEmpty();
    }

    @Test
    void a_first_question_is_never_read_as_a_follow_up() {
        assertThat(reader.read("where's it based?", List.of(), List.of())).isEmpty();
    }
}
