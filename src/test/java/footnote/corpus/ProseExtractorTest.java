package footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseExtractorTest {

    private final ProseExtractor prose = new ProseExtractor();

    @Test
    void keeps_sentences_and_drops_navigation_headings_and_calls_to_action() {
        String body = """
                Economy

                Devil in the Details

                China has already demonstrated this leverage. It banned exports of gallium.

                Previous
                Previous

                Post Comment

                Join our WhatsApp channel - no spam, only sharp analysis

                Most read by Bloomberg
                """;

        ProseExtractor.Text text = prose.read(body, "Some title");

        assertThat(text.prose()).containsExactly(
                "China has already demonstrated this leverage. It banned exports of gallium.");
        assertThat(text.captions()).isEmpty();
    }

    @Test
    void keeps_photo_captions_apart_from_the_prose_without_their_credits() {
        String body = """
                Chinese President Xi Jinping, centre, attends a symposium in Beijing on 17 Feb. Photo: Xinhua

                Source: SCMP

                Unitree’s humanoid robots on display at the company’s offices. Photo: Handout

                Robots danced at the gala, and sixteen of them wore vests.
                """;

        ProseExtractor.Text text = prose.read(body, "T");

        assertThat(text.prose()).containsExactly("Robots danced at the gala, and sixteen of them wore vests.");
        assertThat(text.captions()).containsExactly(
                "Chinese President Xi Jinping, centre, attends a symposium in Beijing on 17 Feb.",
                "Unitree’s humanoid robots on display at the company’s offices.");
    }

    @Test
    void a_caption_shown_twice_or_repeating_the_prose_is_kept_once_or_not_at_all() {
        String body = """
                Xi Jinping shakes hands with Ren Zhengfei at the symposium. Photo: Xinhua

                The leaders met in the Great Hall of the People on a Monday.

                Xi Jinping shakes hands with Ren Zhengfei at the symposium.   Photo: Xinhua

                The leaders met in the Great Hall of the People on a Monday. Image: Reuters
                """;

        ProseExtractor.Text text = prose.read(body, "T");

        assertThat(text.captions()).containsExactly("Xi Jinping shakes hands with Ren Zhengfei at the symposium.");
        assertThat(text.prose()).containsExactly("The leaders met in the Great Hall of the People on a Monday.");
    }

    @Test
    void strips_credits_set_off_by_bars_or_parentheses_and_drops_credit_lines_that_say_nothing() {
        String body = """
                Workers assemble robots at a factory in Hangzhou | Photo by: Handout

                Protesters gather outside the parliament building (Photo: AP)

                By Jane Doe | Photo: AP

                Credit: Getty Images

                Previous

                Post Comment
                """;

        ProseExtractor.Text text = prose.read(body, "T");

        assertThat(text.captions()).containsExactly("Workers assemble robots at a factory in Hangzhou",
                "Protesters gather outside the parliament building");
        assertThat(text.prose()).isEmpty();
    }

    @Test
    void a_byline_on_the_line_above_a_caption_stays_out_of_it() {
        String body = """
                Amit MishraMar 04, 2025, 11:26 AM | Updated Apr 02, 2025, 02:43 PM IST
                Chinese President Xi Jinping, centre, attends a symposium on private enterprises in Beijing. Photo: Xinhua
                """;

        ProseExtractor.Text text = prose.read(body, "T");

        assertThat(text.captions()).containsExactly(
                "Chinese President Xi Jinping, centre, attends a symposium on private enterprises in Beijing.");
        assertThat(text.prose()).isEmpty();
    }

    @Test
    void keeps_long_running_text_that_lost_its_full_stop() {
        String body = "A similar pattern played out after the 2018 symposium when China swiftly followed through"
                + " on its commitment to upgrading the manufacturing sector, with the result being the initiative";

        assertThat(prose.read(body, "T").prose()).containsExactly(body);
    }

    @Test
    void drops_bylines_copyright_lines_and_editors_notes() {
        String body = """
                Amit MishraMar 04, 2025, 11:26 AM | Updated Apr 02, 2025, 02:43 PM IST

                © 2021 Bloomberg LP

                (Updates with expert commentary in the eighth and ninth paragraphs.)

                The watchdog was founded in 2011.
                """;

        assertThat(prose.read(body, "T").prose()).containsExactly("The watchdog was founded in 2011.");
    }

    @Test
    void drops_the_title_repeated_in_the_body_and_repeated_paragraphs() {
        String body = """
                China’s tech tycoons commit to Xi’s vision

                The same caption is here twice because the page showed it twice.

                The same caption is here twice because the page showed it twice.
                """;

        assertThat(prose.read(body, "China's tech tycoons commit to Xi's vision").prose()).containsExactly(
                "The same caption is here twice because the page showed it twice.");
    }

    @Test
    void joins_hard_wrapped_lines_into_one_paragraph_and_strips_list_markers() {
        String body = """
                The committee met on Monday to discuss the budget for the coming year and
                agreed to raise spending on schools by a tenth.

                - Members asked for a report by the spring.
                """;

        assertThat(prose.read(body, "T").prose()).containsExactly(
                "The committee met on Monday to discuss the budget for the coming year and agreed to raise"
                        + " spending on schools by a tenth.",
                "Members asked for a report by the spring.");
    }

    @Test
    void skips_markdown_headings() {
        assertThat(prose.read("# A heading that is a sentence.\n\nBody text goes here for now.", "T").prose())
                .containsExactly("Body text goes here for now.");
    }
}
