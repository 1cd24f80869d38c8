package footnote.corpus;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date as precise as the article states it: a year, a month or a day. Articles often state only a
 * year ("© 2021"), and a citation must not pretend to know more.
 */
public record PublicationDate(int year, Optional<Integer> month, Optional<Integer> day) {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    public PublicationDate {
        if (day.isPresent() && month.isEmpty()) {
            throw new IllegalArgumentException("a day needs a month");
        }
        // LocalDate validates the month and day ranges, including February 30th and friends.
        LocalDate.of(year, month.orElse(1), day.orElse(1));
    }

    /** Parses {@code 2025}, {@code 2025-03} or {@code 2025-03-04}; empty for anything else. */
    public static Optional<PublicationDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PublicationDate(
                    Integer.parseInt(m.group(1)),
                    Optional.ofNullable(m.group(2)).map(Integer::parseInt),
                    Optional.ofNullable(m.group(3)).map(Integer::parseInt)));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code 2025-03-04}, {@code 2025-03} or {@code 2025}: the stored and machine-readable form. */
    public String iso() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d", year));
        month.ifPresent(m -> s.append(String.format(Locale.ROOT, "-%02d", m)));
        day.ifPresent(d -> s.append(String.format(Locale.ROOT, "-%02d", d)));
        return s.toString();
    }

    /** {@code 4 Mar 2025}, {@code Mar 2025} or {@code 2025}: the form a reader sees in a citation. */
    public String display() {
        String monthName = month.map(m -> Month.of(m).getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ").orElse("");
        String dayText = day.map(d -> d + " ").orElse("");
        return dayText + monthName + year;
    }
}
