package footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionFilesTest {

    @TempDir
    Path dir;

    private List<EvalQuestion> read(String... lines) throws IOException {
        Path file = dir.resolve("questions.jsonl");
        Files.write(file, List.of(lines));
        return new QuestionFiles().read(file);
    }

    @Test
    void reads_the_kind_of_a_question_when_the_line_has_one() throws IOException {
        List<EvalQuestion> questions = read(
                "{\"question\": \"when did the ferry start running\", \"answers\": [\"1911\"], \"kind\": \"date-number\"}",
                "",
                "{\"question\": \"is the moon made of cheese\", \"answers\": [], \"kind\": \" trap \", \"note\": 1}");

        assertThat(questions).containsExactly(
                new EvalQuestion("when did the ferry start running", List.of("1911"), Optional.of("date-number")),
                new EvalQuestion("is the moon made of cheese", List.of(), Optional.of("trap")));
    }

    @Test
    void a_line_without_a_kind_or_with_a_blank_one_has_no_kind() throws IOException {
        List<EvalQuestion> questions = read(
                "{\"question\": \"who built the lighthouse\", \"answers\": [\"the harbour board\"]}",
                "{\"question\": \"who painted it red\", \"answers\": [\"the keeper\"], \"kind\": \"  \"}");

        assertThat(questions).extracting(EvalQuestion::kind).containsExactly(Optional.empty(), Optional.empty());
        assertThat(questions.get(0).answerable()).isTrue();
    }

    @Test
    void names_the_file_and_line_of_a_line_that_is_no_question() {
        assertThatThrownBy(() -> read("{\"question\": \"fine\", \"answers\": []}", "{\"kind\": \"casual\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("questions.jsonl line 2")
                .hasMessageContaining("needs \"question\" and \"answers\"");
    }

    @Test
    void counting_a_question_as_unanswerable_keeps_its_kind() {
        EvalQuestion asked = new EvalQuestion("who built the lighthouse", List.of("the harbour board"),
                Optional.of("short"));

        assertThat(asked.asUnanswerable()).isEqualTo(new EvalQuestion("who built the lighthouse", List.of(),
                Optional.of("short")));
        assertThat(asked.asUnanswerable().answerable()).isFalse();
    }

    @Test
    void a_conversation_line_scores_its_last_turn_after_the_others_as_a_follow_up() throws IOException {
        List<EvalQuestion> questions = read(
                "{\"turns\": [\"who's pony ma?\", \"what about tencent?\"], \"answers\": [\"Tencent\"]}",
                "{\"turns\": [\"a\", \"b\", \"c\"], \"answers\": [], \"kind\": \"trap\"}");

        assertThat(questions).containsExactly(
                new EvalQuestion("what about tencent?", List.of("Tencent"), Optional.of(EvalQuestion.FOLLOW_UP),
                        List.of("who's pony ma?")),
                new EvalQuestion("c", List.of(), Optional.of("trap"), List.of("a", "b")));
    }

    @Test
    void a_conversation_without_turns_or_with_a_question_too_is_refused_with_its_line() {
        assertThatThrownBy(() -> read("{\"turns\": [], \"answers\": []}"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1").hasMessageContaining("\"turns\"");
        assertThatThrownBy(() -> read("{\"question\": \"x\", \"turns\": [\"y\"], \"answers\": []}"))
                .isInstanceOf(IOException.class).hasMessageContaining("no \"question\"");
    }

    @Test
    void asking_after_a_turn_puts_it_first_in_the_conversation() {
        EvalQuestion followUp = new EvalQuestion("c", List.of("x"), Optional.empty(), List.of("b"));

        assertThat(followUp.after("a").before()).containsExactly("a", "b");
        assertThat(followUp.after("a").question()).isEqualTo("c");
    }
}
