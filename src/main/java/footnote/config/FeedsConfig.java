package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code feeds}.
 *
 * @param pollMinutes       how often feeds are polled for new entries
 * @param maxEntriesPerPoll entries taken from a feed in one poll (the newest first)
 */
public record FeedsConfig(Integer pollMinutes, Integer maxEntriesPerPoll) {

    public FeedsConfig {
        pollMinutes = requireNonNullElse(pollMinutes, 60);
        maxEntriesPerPoll = requireNonNullElse(maxEntriesPerPoll, 50);
    }

    public static FeedsConfig defaults() {
        return new FeedsConfig(null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(pollMinutes >= 1, "feeds.pollMinutes must be at least 1")
                .check(maxEntriesPerPoll >= 1 && maxEntriesPerPoll <= 10_000,
                        "feeds.maxEntriesPerPoll must be between 1 and 10000")
                .list();
    }
}
