package footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationDateTest {

    @Test
    void shows_as_much_of_the_date_as_is_known() {
        assertThat(PublicationDate.parse("2025-03-04")).hasValueSatisfying(d -> {
            assertThat(d.display()).isEqualTo("4 Mar 2025");
            assertThat(d.iso()).isEqualTo("2025-03-04");
        });
        assertThat(PublicationDate.parse("2025-03").map(PublicationDate::display)).contains("Mar 2025");
        assertThat(PublicationDate.parse("2021").map(PublicationDate::display)).contains("2021");
    }

    @Test
    void is_empty_for_text_that_is_not_a_date() {
        assertThat(PublicationDate.parse("last Tuesday")).isEmpty();
        assertThat(PublicationDate.parse("2025-02-30")).isEmpty();
        assertThat(PublicationDate.parse("2025-13")).isEmpty();
        assertThat(PublicationDate.parse(null)).isEmpty();
    }
}
