package footnote.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelReplyTest {

    private final ModelReply reader = new ModelReply();

    @Test
    void reads_each_sentence_with_the_excerpts_it_cites() {
        List<Summary.Sentence> sentences = reader.sentences(
                "Jack Ma sat with Lei Jun [1]. The meeting included Huawei and BYD [1][2].");

        assertThat(sentences).containsExactly(
                new Summary.Sentence("Jack Ma sat with Lei Jun.", List.of(1)),
                new Summary.Sentence("The meeting included Huawei and BYD.", List.of(1, 2)));
    }

    @Test
    void a_citation_after_the_full_stop_belongs_to_the_sentence_before_it() {
        assertThat(reader.sentences("Jack Ma sat with Lei Jun. [1] Xi opened the summit in 2014. [3]"))
                .containsExactly(new Summary.Sentence("Jack Ma sat with Lei Jun.", List.of(1)),
                        new Summary.Sentence("Xi opened the summit in 2014.", List.of(3)));
    }

    @Test
    void reads_comma_separated_citations_once_each_in_order() {
        assertThat(reader.sentences("Huawei and BYD were there [2, 1, 2]."))
                .containsExactly(new Summary.Sentence("Huawei and BYD were there.", List.of(2, 1)));
    }

    @Test
    void drops_list_markers_bold_and_a_reasoning_block() {
        String reply = "<think>The user wants the names. Excerpt 1 says [1] Lei Jun.</think>\n"
                + "- **Lei Jun** sat at the table [1].\n- Ren Zhengfei did too [1].";

        assertThat(reader.sentences(reply)).containsExactly(
                new Summary.Sentence("Lei Jun sat at the table.", List.of(1)),
                new Summary.Sentence("Ren Zhengfei did too.", List.of(1)));
    }

    @Test
    void a_sentence_without_citation_is_kept_with_none_for_the_check_to_drop() {
        assertThat(reader.sentences("Here is a summary: Lei Jun sat at the table [1]."))
                .extracting(Summary.Sentence::cites).containsExactly(List.of(1));
        assertThat(reader.sentences("Here is your summary. Lei Jun sat at the table [1]."))
                .extracting(Summary.Sentence::cites).containsExactly(List.of(), List.of(1));
    }

    @Test
    void a_reply_of_citations_alone_has_no_sentence() {
        assertThat(reader.sentences("[1][2]")).isEmpty();
        assertThat(reader.sentences("  ")).isEmpty();
    }
}
