package footnote.fetch;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication dates as pages and PDFs write them, to ISO dates as precise as they were written. */
final class Dates {

    // 2025-02-01, 2025-02-01T10:00:00Z, 2025/02/01, 2025-02, 2025: the date part as written, its own time zone's day.
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?(?:[T\\s].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T.*)?");
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            formatter("MMMM d, uuuu"), formatter("MMM d, uuuu"), formatter("d MMMM uuuu"), formatter("d MMM uuuu"),
            formatter("MMM. d, uuuu"));

    private Dates() {
    }

    /** {@code 2025-02-01}, {@code 2025-02} or {@code 2025}; empty for text that is no date. */
    static Optional<String> iso(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            return validated(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(value);
        if (m.matches()) {
            return validated(m.group(1), m.group(2), m.group(3));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString());
        } catch (DateTimeException e) {
            // not an e-mail style date; try the written forms
        }
        String cleaned = value.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("\\s+", " ");
        for (DateTimeFormatter formatter : WRITTEN) {
            try {
                return Optional.of(LocalDate.parse(cleaned, formatter).toString());
            } catch (DateTimeException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static Optional<String> validated(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1000) {
                return Optional.empty();
            }
            if (month == null) {
                return Optional.of(year);
            }
            int mo = Integer.parseInt(month);
            if (day == null) {
                LocalDate.of(y, mo, 1);
                return Optional.of(String.format(Locale.ROOT, "%04d-%02d", y, mo));
            }
            return Optional.of(LocalDate.of(y, mo, Integer.parseInt(day)).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
