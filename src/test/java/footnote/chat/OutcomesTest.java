package footnote.chat;

import static footnote.testing.Excerpts.SEATED;
import static footnote.testing.Excerpts.answer;
import static footnote.testing.Excerpts.declined;
import static footnote.testing.Excerpts.excerpt;
import static footnote.testing.Excerpts.readAs;
import static footnote.testing.Excerpts.smallTalk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.answer.Answer;
import footnote.answer.Answer.SmallTalk.Kind;
import footnote.discord.DiscordRenderer;
import footnote.discord.OutgoingMessage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Small talk, declines and a corrected question, worded by each renderer: the terminal, Discord and JSON. */
class OutcomesTest {

    private final TextRenderer terminal = new TextRenderer();
    private final DiscordRenderer discord = new DiscordRenderer();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(Answer answer) throws Exception {
        return mapper.readTree(new JsonRenderer().render(new Reply.Answered(answer)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void small_talk_gets_one_short_friendly_line_and_no_excerpt_in_every_renderer(Kind kind) throws Exception {
        Answer answer = smallTalk("hey there", kind);

        String inTerminal = terminal.render(new Reply.Answered(answer));
        OutgoingMessage inDiscord = discord.render(new Reply.Answered(answer));
        JsonNode asJson = json(answer);

        for (String line : List.of(inTerminal, inDiscord.content())) {
            assertThat(line).hasSizeLessThan(300).doesNotContain("\n", "[1]", "> ").contains("articles", "quotes");
        }
        assertThat(inDiscord.content()).contains("`/ask`", "mentioning me");
        assertThat(inDiscord.ephemeral()).isFalse();
        assertThat(inTerminal).doesNotContain("/ask");
        assertThat(asJson.get("outcome").asText()).isEqualTo("small_talk");
        assertThat(asJson.get("small_talk").asText()).isEqualTo(kind.name().toLowerCase(Locale.ROOT));
        assertThat(asJson.get("message").asText()).isEqualTo(inTerminal);
        assertThat(asJson.get("excerpts")).isEmpty();
    }

    @Test
    void small_talk_is_worded_for_its_kind() {
        String hello = discord.render(new Reply.Answered(smallTalk("hi", Kind.GREETING))).content();
        String thanks = discord.render(new Reply.Answered(smallTalk("thanks!", Kind.THANKS))).content();
        String aboutMe = discord.render(new Reply.Answered(smallTalk("are you a bot?", Kind.ABOUT_BOT))).content();

        assertThat(hello).startsWith("Hello!");
        assertThat(thanks).startsWith("Glad it helped!").doesNotContain("Hello");
        assertThat(aboutMe).contains("a bot").doesNotContain("Hello", "Glad");
    }

    @Test
    void a_decline_names_the_words_no_source_mentions_as_asked_never_as_an_answer() throws Exception {
        Answer answer = declined("Who founded ByteDance with Zhang Yiming?", "ByteDance", "Zhang Yiming");

        String inTerminal = terminal.render(new Reply.Answered(answer));
        String inDiscord = discord.render(new Reply.Answered(answer)).content();
        JsonNode asJson = json(answer);

        String expected = "I couldn't find that in the sources: they never mention “ByteDance” or “Zhang Yiming”.";
        assertThat(inTerminal).isEqualTo(expected);
        assertThat(inDiscord).isEqualTo(expected);
        assertThat(asJson.get("outcome").asText()).isEqualTo("not_found");
        assertThat(asJson.get("found").asBoolean()).isFalse();
        assertThat(asJson.get("unknown_terms").toString()).isEqualTo("[\"ByteDance\",\"Zhang Yiming\"]");
        assertThat(asJson.get("message").asText()).isEqualTo(expected);
        assertThat(asJson.get("excerpts")).isEmpty();
    }

    @Test
    void a_decline_without_unknown_words_says_plainly_the_sources_do_not_have_it() throws Exception {
        Answer answer = declined("Who won the 2022 World Cup?");

        assertThat(terminal.render(new Reply.Answered(answer))).isEqualTo("I couldn't find that in the sources.");
        assertThat(json(answer).get("unknown_terms")).isEmpty();
    }

    @Test
    void a_decline_in_discord_escapes_the_askers_words_and_counts_those_beyond_three() {
        Answer answer = declined("q", "zhang_yiming", "**tiktok**", "douyin", "lark", "capcut");

        String content = discord.render(new Reply.Answered(answer)).content();

        assertThat(content).isEqualTo("I couldn't find that in the sources: they never mention “zhang\\_yiming”,"
                + " “\\*\\*tiktok\\*\\*”, “douyin” or 2 more of your words.");
    }

    @Test
    void how_the_question_was_read_comes_first_when_it_was_corrected() throws Exception {
        Answer found = readAs(answer("who is ren zhengfe", excerpt(1, SEATED, "Ren Zhengfei")), "who is ren zhengfei");
        Answer notFound = readAs(declined("who is zhang yimingg", "zhang yiming"), "who is zhang yiming");

        assertThat(terminal.render(new Reply.Answered(found))).startsWith("Searched for: who is ren zhengfei\n[1] \"");
        assertThat(discord.render(new Reply.Answered(found)).content())
                .startsWith("-# Searched for: who is ren zhengfei\n> **[1]** ");
        assertThat(discord.render(new Reply.Answered(notFound)).content())
                .isEqualTo("-# Searched for: who is zhang yiming\nI couldn't find that in the sources: they never"
                        + " mention “zhang yiming”.");
        assertThat(json(found).get("read_as").asText()).isEqualTo("who is ren zhengfei");
        assertThat(json(answer("q", excerpt(1, SEATED))).get("read_as").isNull()).isTrue();
    }

    @Test
    void a_corrected_question_is_escaped_in_discord_so_it_opens_no_markdown() {
        Answer found = readAs(answer("q", excerpt(1, SEATED)), "who is *ren_zhengfei");

        assertThat(discord.render(new Reply.Answered(found)).content())
                .startsWith("-# Searched for: who is \\*ren\\_zhengfei\n");
    }
}
