package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionReaderTest {

    private final QuestionReader reader = new QuestionReader();

    @Test
    void writesOutChatAbbreviationsAndSaysSo() {
        QuestionReader.Reading reading = reader.read("how many ppl came to the launch rn");
        assertThat(reading.text()).isEqualTo("how many people came to the launch right now");
        assertThat(reading.expanded()).isTrue();
    }

    @Test
    void dropsFillersThatAskNothingWithoutCallingItAnExpansion() {
        QuestionReader.Reading reading = reader.read("lol ngl what did the mayor actually say");
        assertThat(reading.text()).isEqualTo("what did the mayor say");
        assertThat(reading.expanded()).isFalse();
    }

    @Test
    void leavesWordsThatOnlyContainAnAbbreviationAlone() {
        assertThat(reader.read("are your rules in the U.S. or the UK?").text())
                .isEqualTo("are your rules in the U.S. or the UK?");
        assertThat(reader.read("who funds R&D there").text()).isEqualTo("who funds R&D there");
    }

    @Test
    void takesOutMentionsEmojiAndLinkSyntaxButKeepsTheWords() {
        assertThat(reader.read("<@123456> @everyone what did [the report](https://example.org/r) say <:wave:42>")
                .text()).isEqualTo("what did the report say");
        assertThat(reader.read("**who** built the <#99> bridge?").text()).isEqualTo("who built the bridge?");
    }

    @Test
    void keepsAMessageOfOnlyChatWordsAsTyped() {
        assertThat(reader.read("lol ok").text()).isEqualTo("lol ok");
    }

    @Test
    void longerPhrasesWinOverTheirParts() {
        QuestionReader own = new QuestionReader(Map.of("anyone know", "", "does anyone know", "", "tl;dr", "summary"));
        assertThat(own.read("does anyone know who won").text()).isEqualTo("who won");
        assertThat(own.read("tl;dr of the report").text()).isEqualTo("summary of the report");
    }
}
