package footnote.console;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Scope;
import footnote.summary.Summarizer;
import footnote.testing.ChatIndex;
import footnote.testing.Fixtures;
import footnote.testing.MemorySettingsStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In the terminal, consecutive lines are one conversation, and {@code new} starts another. */
class ConsoleConversationTest {

    private static ChatIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = ChatIndex.of("console-conversation", Scope.GLOBAL,
                List.of("discord/conversations/tidewater.md", "discord/conversations/quillfeather.md"));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String chat(String input) throws Exception {
        ConsoleChat console = new ConsoleChat(index.chat(new MemorySettingsStore(), Fixtures.conversations(),
                Summarizer.none()), Optional.empty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        console.run(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_follow_up_on_the_next_line_is_read_in_context_and_the_reading_is_shown() throws Exception {
        String out = chat("what is tidewater robotics?\nwhere is it based?\n");
        String followUp = out.substring(out.indexOf("Reading this as:"));
        assertThat(followUp).startsWith("Reading this as: where is tidewater robotics based?");
        assertThat(followUp).contains("Port Avel");
    }

    @Test
    void after_new_the_same_follow_up_is_read_on_its_own() throws Exception {
        String out = chat("what is tidewater robotics?\nnew\nwhere is it based?\n");
        assertThat(out).contains("New conversation").doesNotContain("Reading this as:");
    }

    @Test
    void each_follow_up_builds_on_the_one_before() throws Exception {
        String out = chat("what is quillfeather drones?\nwho started it?\nwhere is it based?\n");
        assertThat(out).contains("Reading this as: who started quillfeather drones?")
                .contains("Reading this as: where is quillfeather drones based?");
        assertThat(out.substring(out.lastIndexOf("Reading this as:"))).contains("Kestrel Bay");
    }
}
