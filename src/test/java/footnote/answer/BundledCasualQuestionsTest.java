package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.BundledAnswerer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over the bundled articles with the shipped model: questions typed the way members type them are answered, and
 * near-misses that only resemble something the articles say are declined. The questions are written here, not
 * taken from the evaluation files.
 */
class BundledCasualQuestionsTest {

    private static BundledAnswerer bundled;

    @BeforeAll
    static void index() throws Exception {
        bundled = new BundledAnswerer();
    }

    @AfterAll
    static void close() throws Exception {
        bundled.close();
    }

    private static String first(Answer answer) {
        assertThat(answer.found()).as(answer.question() + " is answered").isTrue();
        return answer.excerpts().get(0).text();
    }

    @Test
    void chat_spelling_and_abbreviations_are_read_as_meant_and_the_reading_is_shown() {
        Answer answer = bundled.answer("wat deadline does doc 79 set");
        assertThat(answer.readAs()).contains("what deadline does document 79 set");
        assertThat(first(answer)).contains("2027 deadline");
    }

    @Test
    void an_answer_keeps_the_questions_names_as_typed_with_the_words_the_sources_capitalise_beside_them() {
        assertThat(bundled.answer("what deadline does document 79 set?").names()).contains("document 79");
        assertThat(bundled.answer("who's pony ma?").names()).containsExactly("pony ma");
        assertThat(bundled.answer("who chairs the central cyberspace affairs commission?").names())
                .contains("central cyberspace affairs commission");
    }

    @Test
    void a_misspelt_name_is_corrected_to_the_name_the_sources_use() {
        Answer answer = bundled.answer("what is yaoguan");
        assertThat(answer.readAs()).hasValueSatisfying(read -> assertThat(read).contains("yaoguang"));
        assertThat(answer.excerpts()).anySatisfy(e -> assertThat(e.text()).contains("industrial software"));
    }

    @Test
    void a_casual_who_question_leads_with_the_clause_that_names_the_person() {
        Answer answer = bundled.answer("whos the boss of xiaomi");
        assertThat(first(answer)).contains("Lei Jun");
        Excerpt excerpt = answer.excerpts().get(0);
        assertThat(excerpt.answer()).hasValueSatisfying(span ->
                assertThat(excerpt.text().substring(span.start(), span.end())).contains("Lei Jun"));
    }

    @Test
    void a_name_the_sources_never_mention_is_declined_and_named() {
        Answer answer = bundled.answer("did Jensen Huang attend the symposium?");
        assertThat(answer.outcome()).isInstanceOfSatisfying(Answer.NotFound.class,
                notFound -> assertThat(notFound.unknownTerms()).contains("Jensen", "Huang"));
    }

    @Test
    void asking_what_someone_said_is_declined_when_the_sources_only_mention_them() {
        // The Wuzhen article names Sundar Pichai among earlier years' guests and quotes nothing of his.
        assertThat(bundled.answer("what did sundar pichai say at the wuzhen conference").found()).isFalse();
    }

    @Test
    void a_how_many_question_is_declined_when_no_passage_gives_the_number() {
        assertThat(bundled.answer("how many people does unitree employ").found()).isFalse();
    }

    @Test
    void greetings_and_thanks_are_small_talk_not_questions() {
        assertThat(bundled.answer("good morning everyone").outcome())
                .isEqualTo(new Answer.SmallTalk(Answer.SmallTalk.Kind.GREETING));
        assertThat(bundled.answer("cheers, very useful").outcome())
                .isEqualTo(new Answer.SmallTalk(Answer.SmallTalk.Kind.THANKS));
    }
}
