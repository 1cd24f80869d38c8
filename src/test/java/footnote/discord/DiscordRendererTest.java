package footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answer;
import footnote.chat.Command;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import footnote.answer.Citation;
import footnote.answer.Evidence;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.PassageKind;
import footnote.corpus.PublicationDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import footnote.summary.Summary;
import footnote.testing.Excerpts;
import footnote.testing.Replies;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

    private static final Citation CITATION = new Citation("Xi’s summit", Optional.of("Amit Mishra"), Optional.empty(),
            PublicationDate.parse("2025-03-04"), Optional.of("https://example.org/a_b"), Optional.of("summit.md"),
            Optional.empty());

    /** An excerpt with "robot" marked as the question's key term, from article {@code article}. */
    private static Excerpt excerpt(int number, String text, Citation citation, String article) {
        List<Highlight> highlights = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)robots?").matcher(text);
        while (m.find()) {
            highlights.add(new Highlight(m.start(), m.end()));
        }
        return new Excerpt(number, text, highlights, Optional.empty(), citation, PassageKind.PROSE, article, "a", 0, 0,
                new Evidence(0.8, 0.5, 0));
    }

    /** An excerpt with "robot" marked, each from an article of its own. */
    private static Excerpt excerpt(int number, String text, Citation citation) {
        return excerpt(number, text, citation, "a" + number);
    }

    private static Answer answer(Excerpt... excerpts) {
        return new Answer("q", List.of(excerpts), new Answer.Timings(0, 0, 0, 0));
    }

    @Test
    void renders_numbered_citations_above_quoted_excerpts_with_links_that_show_no_preview() {
        OutgoingMessage message = new DiscordRenderer().render(new Reply.Answered(answer(
                excerpt(1, "Sixteen humanoid robots danced at the gala.", CITATION))));

        assertThat(message.ephemeral()).isFalse();
        assertThat(message.content()).isEqualTo("> **[1]** Sixteen humanoid **robots** danced at the gala.\n\n"
                + "**[1]** *Xi’s summit* · Amit Mishra · 4 Mar 2025 · <https://example.org/a_b>");
    }

    @Test
    void a_caption_is_labelled_before_its_quote_and_an_undated_article_shows_its_date_note() {
        Citation undated = new Citation("Xi’s meeting", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("meeting.md"), Optional.of("Written shortly after the *2025* symposium"));

        String content = new DiscordRenderer().render(new Reply.Answered(answer(
                Excerpts.caption(excerpt(1, "Humanoid robots on display at the company’s offices.", undated)),
                excerpt(2, "Sixteen humanoid robots danced at the gala.", CITATION)))).content();

        assertThat(content).isEqualTo("""
                > **[1]** *Caption:* Humanoid **robots** on display at the company’s offices.

                > **[2]** Sixteen humanoid **robots** danced at the gala.

                **[1]** *Xi’s meeting* · undated; Written shortly after the \\*2025\\* symposium
                **[2]** *Xi’s summit* · Amit Mishra · 4 Mar 2025 · <https://example.org/a_b>""");
    }

    @Test
    void an_answer_quoted_from_a_caption_is_labelled_in_the_summary_too() {
        Summary summary = new Summary(List.of(new Summary.Sentence("on display", List.of(1))),
                Summary.Origin.EXTRACTIVE, Optional.empty());

        String content = new DiscordRenderer().render(new Reply.Answered(answer(
                Excerpts.caption(excerpt(1, "Humanoid robots on display at the company’s offices.", CITATION))),
                Optional.of(summary))).content();

        assertThat(content).startsWith("**In short:** *Caption:* “on display” [1]\n\n> **[1]** *Caption:* Humanoid");
    }

    @Test
    void the_summary_goes_above_the_quotes_escaped_with_its_note_in_small_print() {
        Summary summary = new Summary(List.of(new Summary.Sentence("Sixteen *robots* danced.", List.of(1))),
                Summary.Origin.EXTRACTIVE, Optional.of("No language model summary: the summary model failed."));

        String content = new DiscordRenderer().render(new Reply.Answered(answer(
                excerpt(1, "Sixteen humanoid robots danced at the gala.", CITATION)), Optional.of(summary))).content();

        assertThat(content).isEqualTo("**In short:** “Sixteen \\*robots\\* danced.” [1]\n"
                + "-# No language model summary: the summary model failed.\n\n"
                + "> **[1]** Sixteen humanoid **robots** danced at the gala.\n\n"
                + "**[1]** *Xi’s summit* · Amit Mishra · 4 Mar 2025 · <https://example.org/a_b>");
    }

    @Test
    void a_long_summary_and_long_quotes_share_one_message_within_the_limit() {
        String sentence = "The robot number %d danced for a long while in the great hall of the palace. ";
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Excerpt> excerpts = new ArrayList<>();
            List<Summary.Sentence> sentences = new ArrayList<>();
            for (int n = 1; n <= 1 + random.nextInt(5); n++) {
                excerpts.add(excerpt(n, String.format(sentence, n).repeat(1 + random.nextInt(8)).strip(), CITATION));
                sentences.add(new Summary.Sentence(String.format(sentence, n).repeat(1 + random.nextInt(10)).strip(),
                        List.of(n)));
            }
            Summary summary = new Summary(sentences, Summary.Origin.MODEL, Optional.of("A note."));

            String content = new DiscordRenderer().render(new Reply.Answered(answer(excerpts.toArray(Excerpt[]::new)),
                    Optional.of(summary))).content();

            assertThat(content.length()).isLessThanOrEqualTo(DiscordRenderer.MAX_CONTENT);
            assertThat(content).startsWith("**In short** (written by a language model from the excerpts): The robot");
            String top = content.substring(0, content.indexOf("\n\n> **[1]**"));
            assertThat(top.length()).isLessThanOrEqualTo(DiscordAnswer.MAX_SUMMARY);
            assertThat(top).as("the sentences shown keep their citations").containsPattern("\\[\\d+\\]($|\n)");
            assertThat(content).contains("\n> **[1]** The **robot** number 1");
        }
    }

    @Test
    void cites_each_article_once_below_the_quotes_without_its_file_name() {
        Citation other = new Citation("Another piece", Optional.empty(), Optional.of("Bloomberg"),
                PublicationDate.parse("2021"), Optional.empty(), Optional.of("another-piece.md"), Optional.empty());

        String content = new DiscordRenderer().render(new Reply.Answered(answer(
                excerpt(1, "Robots danced.", CITATION, "summit"), excerpt(2, "More robots came.", other, "other"),
                excerpt(3, "The robots bowed.", CITATION, "summit")))).content();

        assertThat(content).isEqualTo("""
                > **[1]** **Robots** danced.

                > **[2]** More **robots** came.

                > **[3]** The **robots** bowed.

                **[1][3]** *Xi’s summit* · Amit Mishra · 4 Mar 2025 · <https://example.org/a_b>
                **[2]** *Another piece* · Bloomberg · 2021""");
        assertThat(content).doesNotContain(".md");
    }

    /**
     * A typical answer to a one-line question over the bundled articles: three excerpts of up to 400 characters,
     * as the answerer cuts them, two from one article. Rendered as before it took 1,984 characters (1,570 without
     * the summary); the target for a reply is 1,200, quotes and citations included.
     */
    @Test
    void a_typical_three_excerpt_answer_fits_in_the_1200_characters_a_reply_aims_at() {
        Citation meeting = new Citation("Xi Jinping’s Meeting with Private Tech Entrepreneurs", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("xi-meeting-private-tech-entrepreneurs.md"), Optional.empty());
        Citation summit = new Citation("Xi Jinping’s Closed-Door Summit: What China’s Top Tech Moguls Heard Behind"
                + " the Scenes", Optional.of("Amit Mishra"), Optional.empty(), PublicationDate.parse("2025-03-04"),
                Optional.empty(), Optional.of("xi-closed-door-summit-tech-moguls.md"), Optional.empty());
        Answer answer = Excerpts.answer("What did Xi compare consumer technology to?",
                Excerpts.citing(Excerpts.excerpt(1, "The roots of the crackdown are believed to be ideological. Xi"
                        + " has had a dismissive view of consumer technology, comparing it to “spiritual opium”"
                        + " because it doesn’t contribute to hard “national power” and threatens the “common"
                        + " prosperity” of the people. The “barbaric” growth and “disorderly expansion of capital” in"
                        + " the internet economy were believed to be antithetical to the CCP’s standing.",
                        "Xi", "consumer technology", "comparing"), meeting, "meeting"),
                Excerpts.citing(Excerpts.excerpt(2, "At a time when the Chinese economy and stock market have been"
                        + " on a decline, and both DeepSeek and Huawei have caught global attention for"
                        + " technological innovations despite US export controls, this meeting, coupled with the"
                        + " public celebration of Unitree’s robotic innovations, then, is significant for Xi’s reach"
                        + " out to the private sector and his reiteration that they must contribute to the “real…",
                        "technological", "Xi’s"), meeting, "meeting"),
                Excerpts.citing(Excerpts.excerpt(3, "As China takes the world by storm with its unrelenting wave of"
                        + " innovation, a pressing question looms: What are the limits of its technological"
                        + " ambition? A useful starting point to understand this is Xi Jinping’s 2022 treatise, Total"
                        + " National Security Paradigm: A Study Outline.", "technological", "Xi"), summit, "summit"));

        String content = new DiscordRenderer().render(new Reply.Answered(answer)).content();

        assertThat(content.length()).isLessThanOrEqualTo(1_200);
        assertThat(content).contains("“spiritual opium”", "Total National Security Paradigm")
                .containsOnlyOnce("*Xi Jinping’s Meeting with Private Tech Entrepreneurs*")
                .doesNotContain(".md", "barbaric");
    }

    @Test
    void over_the_target_quotes_lose_end_sentences_without_key_terms_last_excerpt_first() {
        String filler = "Nothing in this sentence bears on what was asked, though it goes on for a good while. ";
        String marked = "The robot parade started at noon on the quay, with the band in front of it. ";
        List<Excerpt> excerpts = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            excerpts.add(excerpt(n, (filler + marked + marked + filler + filler).strip(), CITATION));
        }

        String content = new DiscordRenderer().render(new Reply.Answered(answer(excerpts.toArray(Excerpt[]::new))))
                .content();

        assertThat(content.length()).isLessThanOrEqualTo(DiscordAnswer.TARGET);
        assertThat(Replies.plain(content).split(marked.strip(), -1)).as("every sentence with a key term stays")
                .hasSize(7);
        assertThat(content).as("the first excerpt, the best, is left whole").startsWith("> **[1]** " + filler
                + marked.replace("robot", "**robot**") + marked.replace("robot", "**robot**") + filler + filler.strip()
                + "\n\n");
        assertThat(content).contains("> **[3]** … The **robot** parade").contains("in front of it.…\n");
    }

    @Test
    void under_the_target_or_holding_the_answer_no_sentence_is_trimmed() {
        String filler = "Nothing in this sentence bears on what was asked, though it goes on for a good while.";
        String led = "It was led by Mayor Ana Ruiz.";
        String text = "The robot parade started at noon. " + filler + " " + led;
        String longText = "The robot parade started at noon." + (" " + filler).repeat(14) + " " + led;

        String shortReply = new DiscordRenderer().render(new Reply.Answered(answer(excerpt(1, text, CITATION))))
                .content();
        String unmarked = new DiscordRenderer().render(new Reply.Answered(answer(excerpt(1, longText, CITATION))))
                .content();
        String answering = new DiscordRenderer().render(new Reply.Answered(answer(
                Excerpts.answering(excerpt(1, longText, CITATION), "Ana Ruiz")))).content();

        assertThat(Replies.plain(shortReply)).contains(text);
        assertThat(unmarked).doesNotContain(led).contains(filler + "…");
        assertThat(answering).as("the answer's sentence stays, over the target").endsWith(led + "\n\n"
                + "**[1]** *Xi’s summit* · Amit Mishra · 4 Mar 2025 · <https://example.org/a_b>");
        assertThat(answering.length()).isGreaterThan(DiscordAnswer.TARGET);
    }

    @Test
    void refusals_help_and_settings_are_for_the_asker_only() {
        DiscordRenderer renderer = new DiscordRenderer();

        assertThat(renderer.render(new Reply.Refusal("No.")).ephemeral()).isTrue();
        assertThat(renderer.render(new Reply.Help()).ephemeral()).isTrue();
        assertThat(renderer.render(new Reply.Settings(ServerSettings.empty("1"), Optional.empty())).ephemeral()).isTrue();
        assertThat(renderer.render(new Reply.Sources(List.of())).ephemeral()).isFalse();
    }

    @Test
    void a_settings_change_names_roles_and_channels_as_mentions() {
        ServerSettings settings = ServerSettings.empty("1").withModeratorRole("900", true);

        String role = new DiscordRenderer().render(new Reply.Settings(settings,
                Optional.of(new Command.ModeratorRole("900", true)))).content();
        String channel = new DiscordRenderer().render(new Reply.Settings(settings,
                Optional.of(new Command.AskChannel("55", false)))).content();

        assertThat(role).startsWith("Members with <@&900> are now moderators.\nModerator roles: <@&900>\n");
        assertThat(channel).startsWith("Messages in <#55> are no longer taken as questions.\n");
    }

    @Test
    void the_settings_say_where_answers_go_and_a_change_of_it_says_how_to_follow_up() {
        ServerSettings replies = ServerSettings.empty("1").withAnswersIn(ServerSettings.AnswersIn.REPLY);

        String shown = new DiscordRenderer().render(new Reply.Settings(ServerSettings.empty("1"), Optional.empty()))
                .content();
        String changed = new DiscordRenderer().render(new Reply.Settings(replies,
                Optional.of(new Command.Answers(ServerSettings.AnswersIn.REPLY)))).content();

        assertThat(shown).contains("\nAnswers open a thread on the question, where follow-ups go (a reply where I may"
                + " not open one)\n");
        assertThat(changed).startsWith("Answers now come as a reply to the question; reply to an answer to ask a"
                + " follow-up.\n").contains("\nAnswers come as a reply to the question; reply to an answer to ask a"
                + " follow-up\n");
    }

    @Test
    void the_settings_name_the_digest_channel_as_a_mention_and_a_change_says_where_the_report_goes() {
        ServerSettings digest = ServerSettings.empty("1").withDigestChannel(Optional.of("77"));

        String off = new DiscordRenderer().render(new Reply.Settings(ServerSettings.empty("1"), Optional.empty()))
                .content();
        String on = new DiscordRenderer().render(new Reply.Settings(digest,
                Optional.of(new Command.Digest(Optional.of("77"))))).content();

        assertThat(off).endsWith("\nWeekly insights digest: off");
        assertThat(on).startsWith("The insights report of the last week now goes to <#77> once a week.\n")
                .endsWith("\nWeekly insights digest: <#77>");
    }

    @Test
    void a_vote_is_acknowledged_in_the_chats_words_and_an_expired_record_says_the_buttons_no_longer_work() {
        DiscordRenderer renderer = new DiscordRenderer();

        assertThat(renderer.vote(VoteResult.RECORDED, Vote.HELPFUL).content()).isEqualTo("Thanks: noted as helpful.");
        assertThat(renderer.vote(VoteResult.EXPIRED, Vote.NOT_HELPFUL).content())
                .isEqualTo("This answer's record has expired, so the buttons no longer work.");
        assertThat(renderer.comment(VoteResult.EXPIRED, true).content()).isEqualTo(DiscordRenderer.EXPIRED);
        assertThat(renderer.comment(VoteResult.RECORDED, false).content()).isEqualTo("Thanks: noted as not helpful.");
        assertThat(renderer.vote(VoteResult.UNAVAILABLE, Vote.HELPFUL).ephemeral()).isTrue();
    }

    @Test
    void an_answer_too_long_for_one_message_is_shortened_at_sentence_ends_within_the_limit() {
        String sentence = "The robot number %d danced for a long while in the great hall of the palace. ";
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Excerpt> excerpts = new ArrayList<>();
            for (int n = 1; n <= 1 + random.nextInt(6); n++) {
                StringBuilder text = new StringBuilder();
                for (int s = 0; s < 1 + random.nextInt(12); s++) {
                    text.append(String.format(sentence, s));
                }
                String title = "A title ".repeat(1 + random.nextInt(60)).strip();
                excerpts.add(excerpt(n, text.toString().strip(), new Citation(title, Optional.of("An author"),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("file_name.md"),
                        Optional.empty())));
            }

            String content = new DiscordRenderer().render(new Reply.Answered(answer(excerpts.toArray(Excerpt[]::new))))
                    .content();

            assertThat(content.length()).isLessThanOrEqualTo(DiscordRenderer.MAX_CONTENT);
            assertThat(content).startsWith("> **[1]** ");
            assertThat(count(content, "\\*\\*") % 2).as("bold markers pair up").isZero();
            for (String line : content.split("\n")) {
                if (line.startsWith("> ") && line.endsWith("…")) {
                    assertThat(line).as("cut at a sentence end or between words").matches("(?s).*(\\.|\\w)…$");
                    assertThat(line).doesNotMatch("(?s).*\\w…\\w.*");
                }
            }
        }
    }

    @Test
    void shortening_keeps_whole_sentences_when_one_fits_else_whole_words() {
        Excerpt e = excerpt(1, "First sentence is short. Second sentence is rather longer than the first.", CITATION);
        footnote.corpus.SentenceSplitter splitter = new footnote.corpus.SentenceSplitter();

        assertThat(DiscordAnswer.shorten(e, 40, splitter).text()).isEqualTo("First sentence is short.…");
        assertThat(DiscordAnswer.shorten(e, 20, splitter).text()).isEqualTo("First sentence is…");
        assertThat(DiscordAnswer.shorten(e, 500, splitter)).isSameAs(e);
    }

    @Test
    void highlights_beyond_a_cut_are_dropped_so_no_marker_is_left_open() {
        Excerpt e = excerpt(1, "A dance. Then robots came on stage.", CITATION);

        Excerpt cut = DiscordAnswer.shorten(e, 12, new footnote.corpus.SentenceSplitter());

        assertThat(cut.text()).isEqualTo("A dance.…");
        assertThat(cut.highlights()).isEmpty();
    }

    @Test
    void long_citation_fields_are_clipped_and_an_overlong_link_is_left_out() {
        Citation huge = new Citation("word ".repeat(200), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("https://example.org/" + "x".repeat(300)), Optional.of("f.md"), Optional.empty());

        String line = DiscordAnswer.citation(huge);

        assertThat(line).hasSizeLessThan(300).endsWith("…*").doesNotContain("https://", "f.md");
    }

    @Test
    void a_page_of_sources_fits_a_message_and_says_how_to_see_the_next() {
        List<footnote.corpus.SourceStatus> sources = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sources.add(new footnote.corpus.SourceStatus(new footnote.corpus.Source("source-" + i,
                    new footnote.corpus.SourceKind.Bundled(java.nio.file.Path.of("f" + i)), footnote.corpus.Scope.GLOBAL),
                    "A rather long title for source number " + i, 1, 10, Optional.empty()));
        }

        String content = new DiscordRenderer().render(new Reply.Sources(sources, 2, 10)).content();

        assertThat(content.length()).isLessThanOrEqualTo(DiscordRenderer.MAX_CONTENT);
        assertThat(content).startsWith("**Sources, page 2 of 10**").endsWith("`/sources list page:3` for more");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
