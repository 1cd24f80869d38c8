package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code insights}.
 *
 * @param enabled       whether members' questions, outcomes and votes are recorded for moderators; false records
 *                      nothing at all
 * @param retentionDays records older than this are purged automatically
 */
public record InsightsConfig(Boolean enabled, Integer retentionDays) {

    public InsightsConfig {
        enabled = requireNonNullElse(enabled, true);
        retentionDays = requireNonNullElse(retentionDays, 90);
    }

    public static InsightsConfig defaults() {
        return new InsightsConfig(null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks().check(retentionDays >= 1 && retentionDays <= 3_650,
                "insights.retentionDays must be between 1 and 3650").list();
    }
}
