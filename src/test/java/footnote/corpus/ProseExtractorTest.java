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

        assertThat(prose.paragraphs(body, "Some title")).containsExactly(
                "China has already demonstrated this leverage. It banned exports of gallium.");
    }

    @Test
    void drops_photo_captions_and_source_credits() {
        String body = """
                Chinese President Xi Jinping, centre, attends a symposium in Beijing on 17 Feb. Photo: Xinhua

                Source: SCMP

                Unitree’s humanoid robots on display at the company’s offices. Photo: Handout

                Robots danced at the gala, and sixteen of them wore vests.
                """;

        assertThat(prose.paragraphs(body, "T")).containsExactly(
                "Robots danced at the gala, and sixteen of them wore vests.");
    }

    @Test
    void keeps_long_running_text_that_lost_its_full_stop() {
        String body = "A similar pattern played out after the 2018 symposium when China swiftly followed through"
                + " on its commitment to upgrading the manufacturing sector, with the result being the initiative";

        assertThat(prose.paragraphs(body, "T")).containsExactly(body);
    }

    @Test
    void drops_bylines_copyright_lines_and_editors_notes() {
        String body = """
                Amit MishraMar 04, 2025, 11:26 AM | Updated Apr 02, 2025, 02:43 PM IST

                © 2021 Bloomberg LP

                (Updates with expert commentary in the eighth and ninth paragraphs.)

                The watchdog was founded in 2011.
                """;

        assertThat(prose.paragraphs(body, "T")).containsExactly("The watchdog was founded in 2011.");
    }

    @Test
    void drops_the_title_repeated_in_the_body_and_repeated_paragraphs() {
        String body = """
                China’s tech tycoons commit to Xi’s vision

                The same caption is here twice because the page showed it twice.

                The same caption is here twice because the page showed it twice.
                """;

        assertThat(prose.paragraphs(body, "China's tech tycoons commit to Xi's vision")).containsExactly(
                "The same caption is here twice because the page showed it twice.");
    }

    @Test
    void joins_hard_wrapped_lines_into_one_paragraph_and_strips_list_markers() {
        String body = """
                The committee met on Monday to discuss the budget for the coming year and
                agreed to raise spending on schools by a tenth.

                - Members asked for a report by the spring.
                """;

        assertThat(prose.paragraphs(body, "T")).containsExactly(
                "The committee met on Monday to discuss the budget for the coming year and agreed to raise"
                        + " spending on schools by a tenth.",
                "Members asked for a report by the spring.");
    }

    @Test
    void skips_markdown_headings() {
        assertThat(prose.paragraphs("# A heading that is a sentence.\n\nBody text goes here for now.", "T"))
                .containsExactly("Body text goes here for now.");
    }
}
