package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.answer.Answer;
import footnote.answer.Citation;
import footnote.answer.Evidence;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.PassageKind;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import footnote.discord.DiscordRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private static final String NOTE = "Written shortly after the February 2025 symposium";
    /** Dated: a date note, had it one, would not show. */
    private static final Citation SUMMIT = new Citation("Xi Jinping’s Closed-Door Summit", Optional.of("Amit Mishra"),
            Optional.empty(), PublicationDate.parse("2025-03-04"), Optional.empty(), Optional.of("summit.md"),
            Optional.of("Written in March 2025"));
    private static final Citation MEETING = new Citation("Xi Jinping’s Meeting", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of("https://example.org/meeting"), Optional.of("meeting.md"), Optional.of(NOTE));

    private static Answer answer() {
        String text = "Seated at the table alongside Jack Ma were some of China’s leaders.";
        int jack = text.indexOf("Jack Ma");
        return new Answer("Who sat with Jack Ma?", List.of(
                new Excerpt(1, text, List.of(new Highlight(jack, jack + 7)), Optional.empty(), SUMMIT, PassageKind.PROSE,
                        "summit", "summit", 3, 3, new Evidence(0.8, 0.6, 0)),
                new Excerpt(2, "These included top leaders from Huawei and *DeepSeek*.", List.of(), Optional.empty(), MEETING,
                        PassageKind.PROSE, "meeting", "meeting", 5, 5, new Evidence(0.7, 0.4, 0))),
                new Answer.Timings(1_000_000, 2_000_000, 0, 500_000));
    }

    @Test
    void renders_numbered_quotes_with_bold_key_terms_and_a_citation_line() {
        String text = new TextRenderer().render(new Reply.Answered(answer()));

        assertThat(text).isEqualTo("""
                [1] "Seated at the table alongside **Jack Ma** were some of China’s leaders."
                [2] "These included top leaders from Huawei and \\*DeepSeek\\*."

                [1] Xi Jinping’s Closed-Door Summit · Amit Mishra · 4 Mar 2025 · summit.md
                [2] Xi Jinping’s Meeting · undated; Written shortly after the February 2025 symposium · \
                https://example.org/meeting""");
    }

    private static Answer captioned() {
        String caption = "Chinese President Xi Jinping attends a symposium in Beijing on 17 Feb.";
        int symposium = caption.indexOf("symposium");
        return new Answer("When was the symposium?", List.of(
                new Excerpt(1, caption, List.of(new Highlight(symposium, symposium + 9)), Optional.empty(), SUMMIT,
                        PassageKind.CAPTION, "summit", "summit", 90, 90, new Evidence(0.8, 0.6, 0))),
                Answer.Timings.NONE);
    }

    @Test
    void a_caption_is_labelled_as_one_before_its_quote_in_every_renderer() throws Exception {
        String text = new TextRenderer().render(new Reply.Answered(captioned()));
        String discord = new DiscordRenderer().render(new Reply.Answered(captioned())).content();
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(captioned())));

        assertThat(text).startsWith(
                "[1] Caption: \"Chinese President Xi Jinping attends a **symposium** in Beijing on 17 Feb.\"\n");
        assertThat(discord).startsWith(
                "> **[1]** *Caption:* Chinese President Xi Jinping attends a **symposium** in Beijing on 17 Feb.");
        JsonNode excerpt = json.get("excerpts").get(0);
        assertThat(excerpt.get("kind").asText()).isEqualTo("caption");
        assertThat(excerpt.get("label").asText()).isEqualTo("Caption");
        assertThat(excerpt.get("text").asText()).startsWith("Chinese President");
    }

    private static Summary summary(Summary.Origin origin, Optional<String> note) {
        return new Summary(List.of(new Summary.Sentence("Jack Ma sat with China’s leaders.", List.of(1)),
                new Summary.Sentence("They came from Huawei and *DeepSeek*.", List.of(1, 2))), origin, note);
    }

    @Test
    void puts_the_summary_with_its_citations_and_who_wrote_it_above_the_quotes() {
        String text = new TextRenderer().render(new Reply.Answered(answer(),
                Optional.of(summary(Summary.Origin.MODEL, Optional.empty()))));

        assertThat(text).startsWith("In short (written by a language model from the excerpts): Jack Ma sat with"
                + " China’s leaders. [1] They came from Huawei and *DeepSeek*. [1][2]\n\n[1] \"Seated");
    }

    @Test
    void the_answer_quoted_from_an_excerpt_stands_in_for_the_models_summary_and_says_why_below_it() {
        Summary answerLine = new Summary(List.of(new Summary.Sentence("some of China’s leaders", List.of(1))),
                Summary.Origin.EXTRACTIVE, Optional.of("No language model summary: the summary model failed."));

        String text = new TextRenderer().render(new Reply.Answered(answer(), Optional.of(answerLine)));

        assertThat(text).startsWith("In short: “some of China’s leaders” [1]\n"
                + "(No language model summary: the summary model failed.)\n\n[1] \"Seated");
    }

    @Test
    void renders_the_summary_as_json_with_each_sentences_citations() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(answer(),
                Optional.of(summary(Summary.Origin.EXTRACTIVE, Optional.of("Why."))))));
        JsonNode none = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(answer())));

        JsonNode summary = json.get("summary");
        assertThat(summary.get("origin").asText()).isEqualTo("extractive");
        assertThat(summary.get("note").asText()).isEqualTo("Why.");
        assertThat(summary.get("text").asText()).startsWith("Jack Ma sat with China’s leaders. [1] They");
        assertThat(summary.get("sentences").get(1).get("cites").toString()).isEqualTo("[1,2]");
        assertThat(none.get("summary").isNull()).isTrue();
    }

    @Test
    void a_summary_sentence_resting_on_a_caption_alone_is_labelled_too() throws Exception {
        Summary answerLine = new Summary(List.of(new Summary.Sentence("on 17 Feb", List.of(1))),
                Summary.Origin.EXTRACTIVE, Optional.empty());
        Summary model = new Summary(List.of(new Summary.Sentence("The symposium was on 17 Feb.", List.of(1))),
                Summary.Origin.MODEL, Optional.empty());
        Summary mixed = new Summary(List.of(new Summary.Sentence("Jack Ma sat with China’s leaders.", List.of(1, 2))),
                Summary.Origin.EXTRACTIVE, Optional.empty());

        String text = new TextRenderer().render(new Reply.Answered(captioned(), Optional.of(answerLine)));
        String discord = new DiscordRenderer().render(new Reply.Answered(captioned(), Optional.of(answerLine)))
                .content();
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(captioned(),
                Optional.of(answerLine))));

        assertThat(text).startsWith("In short: Caption: “on 17 Feb” [1]\n\n[1] Caption: \"Chinese President");
        assertThat(discord).startsWith("**In short:** *Caption:* “on 17 Feb” [1]\n\n> **[1]** *Caption:* Chinese");
        assertThat(json.get("summary").get("sentences").get(0).get("label").asText()).isEqualTo("Caption");
        assertThat(new TextRenderer().render(new Reply.Answered(captioned(), Optional.of(model))))
                .startsWith("In short (written by a language model from the excerpts): Caption: The symposium");
        assertThat(new TextRenderer().render(new Reply.Answered(answer(), Optional.of(mixed))))
                .startsWith("In short: “Jack Ma sat");
        assertThat(new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(answer(),
                Optional.of(mixed)))).get("summary").get("sentences").get(0).get("label").isNull()).isTrue();
    }

    @Test
    void says_plainly_when_the_sources_do_not_have_it() {
        Answer none = new Answer("Who won the 2022 World Cup?", List.of(), new Answer.Timings(0, 0, 0, 0));

        assertThat(new TextRenderer().render(new Reply.Answered(none))).isEqualTo("I couldn't find that in the sources.");
    }

    @Test
    void escapes_markdown_in_article_text_so_no_marker_is_left_open() {
        assertThat(Markdown.escape("a*b_c~d`e|f\\g")).isEqualTo("a\\*b\\_c\\~d\\`e\\|f\\\\g");
    }

    @Test
    void a_source_name_with_a_right_to_left_override_is_listed_with_the_override_shown_not_applied() {
        Source upload = new Source("up1", new SourceKind.Upload("report\u202Etxt.md"), Scope.GLOBAL);

        String text = new TextRenderer().render(new Reply.Sources(List.of(
                new SourceStatus(upload, "report\u202Etxt.md", 1, 3, Optional.empty()))));

        assertThat(text).contains("- report\\u202Etxt.md").doesNotContain("\u202E");
    }

    @Test
    void lists_sources_with_id_kind_passages_and_any_problem() {
        Source ok = new Source("summit", new SourceKind.Bundled(Path.of("summit.md")), Scope.GLOBAL);
        Source broken = new Source("broken", new SourceKind.Bundled(Path.of("broken.md")), Scope.GLOBAL);

        String text = new TextRenderer().render(new Reply.Sources(List.of(
                new SourceStatus(ok, "The summit", 1, 12, Optional.empty()),
                new SourceStatus(broken, "broken", 0, 0, Optional.of(new footnote.corpus.SourceChange.Problem.Fetch("broken.md is not UTF-8 text"))))));

        assertThat(text).contains("2 sources:", "- The summit", "id summit · file · 12 passages",
                "id broken · file · 0 articles · 0 passages · last fetch failed: broken.md is not UTF-8 text");
    }

    @Test
    void renders_the_answer_as_json_for_scripts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(answer())));

        assertThat(json.get("type").asText()).isEqualTo("answer");
        assertThat(json.get("found").asBoolean()).isTrue();
        JsonNode first = json.get("excerpts").get(0);
        assertThat(first.get("text").asText()).startsWith("Seated at the table");
        assertThat(first.get("markdown").asText()).contains("**Jack Ma**");
        assertThat(first.get("highlights").get(0).get("start").asInt()).isEqualTo(30);
        assertThat(first.get("citation").get("author").asText()).isEqualTo("Amit Mishra");
        assertThat(first.get("citation").get("published").asText()).isEqualTo("2025-03-04");
        assertThat(first.get("citation").get("url").isNull()).isTrue();
        assertThat(json.get("excerpts").get(1).get("citation").get("url").asText()).isEqualTo("https://example.org/meeting");
        assertThat(first.get("kind").asText()).isEqualTo("prose");
        assertThat(first.get("label").isNull()).isTrue();
        assertThat(first.get("citation").get("date_note").asText()).isEqualTo("Written in March 2025");
        assertThat(json.get("excerpts").get(1).get("citation").get("date_note").asText()).isEqualTo(NOTE);
        assertThat(json.get("excerpts").get(1).get("citation").get("published").isNull()).isTrue();
    }

    @Test
    void the_terminal_cites_an_article_once_for_all_its_excerpts_keeping_its_file_name() {
        Answer answer = new Answer("Who sat with Jack Ma?", List.of(
                new Excerpt(1, "First.", List.of(), Optional.empty(), SUMMIT, PassageKind.PROSE, "summit", "summit",
                        1, 1, new Evidence(0.8, 0.6, 0)),
                new Excerpt(2, "Second.", List.of(), Optional.empty(), MEETING, PassageKind.PROSE, "meeting",
                        "meeting", 1, 1, new Evidence(0.8, 0.6, 0)),
                new Excerpt(3, "Third.", List.of(), Optional.empty(), SUMMIT, PassageKind.PROSE, "summit", "summit",
                        7, 7, new Evidence(0.8, 0.6, 0))), Answer.Timings.NONE);

        assertThat(new TextRenderer().render(new Reply.Answered(answer))).endsWith("""
                [3] "Third."

                [1][3] Xi Jinping’s Closed-Door Summit · Amit Mishra · 4 Mar 2025 · summit.md
                [2] Xi Jinping’s Meeting · undated; Written shortly after the February 2025 symposium · \
                https://example.org/meeting""");
    }

    @Test
    void json_gives_the_outcome_and_each_excerpts_answer_span_with_its_text() throws Exception {
        Excerpt first = answer().excerpts().get(0);
        int at = first.text().indexOf("some of China’s leaders");
        Excerpt marked = new Excerpt(1, first.text(), first.highlights(), Optional.of(new Highlight(at, at + 23)),
                SUMMIT, PassageKind.PROSE, "summit", "summit", 3, 3, first.evidence());

        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(new Reply.Answered(new Answer(
                "Who sat with Jack Ma?", List.of(marked, answer().excerpts().get(1)), Answer.Timings.NONE))));

        assertThat(json.get("outcome").asText()).isEqualTo("found");
        assertThat(json.get("unknown_terms")).isEmpty();
        assertThat(json.get("small_talk").isNull()).isTrue();
        assertThat(json.get("excerpts").get(0).get("answer").get("text").asText()).isEqualTo("some of China’s leaders");
        assertThat(json.get("excerpts").get(0).get("answer").get("start").asInt()).isEqualTo(at);
        assertThat(json.get("excerpts").get(1).get("answer").isNull()).isTrue();
    }

    @Test
    void renders_a_decline_and_a_refusal_as_json() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Answer none = new Answer("q", List.of(), new Answer.Timings(0, 0, 0, 0));

        JsonNode declined = mapper.readTree(new JsonRenderer().render(new Reply.Answered(none)));
        JsonNode refused = mapper.readTree(new JsonRenderer().render(new Reply.Refusal("Too long.")));

        assertThat(declined.get("found").asBoolean()).isFalse();
        assertThat(declined.get("message").asText()).isEqualTo("I couldn't find that in the sources.");
        assertThat(declined.get("excerpts")).isEmpty();
        assertThat(refused.get("type").asText()).isEqualTo("refusal");
        assertThat(refused.get("message").asText()).isEqualTo("Too long.");
    }

    @Test
    void every_renderer_says_where_answers_go_and_words_a_change_of_it() throws Exception {
        ServerSettings replies = ServerSettings.empty("1").withAnswersIn(ServerSettings.AnswersIn.REPLY);
        Reply changed = new Reply.Settings(replies, Optional.of(new Command.Answers(ServerSettings.AnswersIn.REPLY)));

        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(changed));

        assertThat(new TextRenderer().render(changed)).endsWith("; answers come as a reply to the question; reply to"
                + " an answer to ask a follow-up");
        assertThat(json.get("settings").get("answers_in").asText()).isEqualTo("reply");
        assertThat(json.get("change").asText()).startsWith("Answers now come as a reply to the question");
        assertThat(new TextRenderer().render(new Reply.Settings(ServerSettings.empty("1"), Optional.empty())))
                .contains("; answers open a thread on the question");
    }
}
