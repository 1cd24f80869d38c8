package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void reads_help_and_sources_with_or_without_a_slash() {
        assertThat(CommandParser.parse("help")).isInstanceOf(Command.Help.class);
        assertThat(CommandParser.parse("/help")).isInstanceOf(Command.Help.class);
        assertThat(CommandParser.parse(" Sources ")).isInstanceOf(Command.ListSources.class);
        assertThat(CommandParser.parse("/sources list")).isInstanceOf(Command.ListSources.class);
    }

    @Test
    void any_other_line_is_a_question_and_ask_is_optional() {
        assertThat(CommandParser.parse("Who founded Huawei?")).isEqualTo(new Command.Ask("Who founded Huawei?"));
        assertThat(CommandParser.parse("/ask Who founded Huawei?")).isEqualTo(new Command.Ask("Who founded Huawei?"));
        assertThat(CommandParser.parse("ask")).isEqualTo(new Command.Ask(""));
        assertThat(CommandParser.parse("Which sources list Huawei?")).isInstanceOf(Command.Ask.class);
    }
}
