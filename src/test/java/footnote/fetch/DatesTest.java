package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-02-01                      | 2025-02-01",
            "2025-02-01T23:30:00-05:00       | 2025-02-01",
            "2025-02-01T10:00:00.000Z        | 2025-02-01",
            "2025-02-01 10:00                | 2025-02-01",
            "2025/2/1                        | 2025-02-01",
            "2025-02                         | 2025-02",
            "2025                            | 2025",
            "20250201                        | 2025-02-01",
            "Sat, 01 Feb 2025 10:00:00 GMT   | 2025-02-01",
            "'February 1, 2025'              | 2025-02-01",
            "'Feb 1, 2025'                   | 2025-02-01",
            "1 February 2025                 | 2025-02-01",
            "1st February 2025               | 2025-02-01",
    })
    void normalises_dates_to_iso_as_precisely_as_they_are_written(String written, String iso) {
        assertThat(Dates.iso(written)).contains(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-02-30", "2025-13", "0999", "31/12/2024", "soon in 2025"})
    void is_empty_for_text_that_is_no_date(String written) {
        assertThat(Dates.iso(written)).isEmpty();
    }
}
