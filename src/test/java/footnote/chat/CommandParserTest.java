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
    void reads_the_source_commands() {
        assertThat(CommandParser.parse("sources list 3")).isEqualTo(new Command.ListSources(3));
        assertThat(CommandParser.parse("sources add https://example.org/feed.xml"))
                .isEqualTo(new Command.AddSource("https://example.org/feed.xml"));
        assertThat(CommandParser.parse("/sources upload /tmp/notes/report.pdf"))
                .isEqualTo(new Command.UploadSource("report.pdf", "/tmp/notes/report.pdf"));
        assertThat(CommandParser.parse("sources remove k3x9qa")).isEqualTo(new Command.RemoveSource("k3x9qa"));
        assertThat(CommandParser.parse("sources refresh")).isEqualTo(new Command.RefreshSources(java.util.Optional.empty()));
        assertThat(CommandParser.parse("sources refresh k3x9qa"))
                .isEqualTo(new Command.RefreshSources(java.util.Optional.of("k3x9qa")));
        assertThat(CommandParser.parse("sources status")).isEqualTo(new Command.SourceJobs());
    }

    @Test
    void reads_insights_for_a_window_and_forget() {
        assertThat(CommandParser.parse("insights")).isEqualTo(new Command.Insights(7));
        assertThat(CommandParser.parse("/insights 30")).isEqualTo(new Command.Insights(30));
        assertThat(CommandParser.parse("insights 14")).isEqualTo(new Command.Insights(14)); // refused later, with the choices
        assertThat(CommandParser.parse("insights forget")).isEqualTo(new Command.ForgetInsights());
        assertThat(CommandParser.parse("insights into the symposium?")).isInstanceOf(Command.Ask.class);
    }

    @Test
    void a_sentence_that_starts_like_a_command_is_still_a_question() {
        assertThat(CommandParser.parse("sources add more than one word here")).isInstanceOf(Command.Ask.class);
        assertThat(CommandParser.parse("sources of the Nile")).isInstanceOf(Command.Ask.class);
    }

    @Test
    void any_other_line_is_a_question_and_ask_is_optional() {
        assertThat(CommandParser.parse("Who founded Huawei?")).isEqualTo(new Command.Ask("Who founded Huawei?"));
        assertThat(CommandParser.parse("/ask Who founded Huawei?")).isEqualTo(new Command.Ask("Who founded Huawei?"));
        assertThat(CommandParser.parse("ask")).isEqualTo(new Command.Ask(""));
        assertThat(CommandParser.parse("Which sources list Huawei?")).isInstanceOf(Command.Ask.class);
    }
}
