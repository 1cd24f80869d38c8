package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The YAML section {@code sources}.
 *
 * @param bundled        folders of article files that serve every server
 * @param maxPassages    the most passages one source may make; a source over it is refused as too large
 * @param maxJobMinutes  how long one add, refresh or poll may run before it stops and ends as failed
 */
public record SourcesConfig(List<String> bundled, Integer maxPassages, Integer maxJobMinutes) {

    public SourcesConfig {
        bundled = List.copyOf(requireNonNullElse(bundled, List.of("config/articles")));
        // 20,000 passages take about 3.5 minutes to embed on two cores (bench: ~100 passages/s), a book of
        // some 1.2 million words; 10 minutes leaves room for a slow site and the embedding together.
        maxPassages = requireNonNullElse(maxPassages, 20_000);
        maxJobMinutes = requireNonNullElse(maxJobMinutes, 10);
    }

    public static SourcesConfig defaults() {
        return new SourcesConfig(null, null, null);
    }

    public SourcesConfig withBundled(List<String> replacement) {
        return new SourcesConfig(replacement, maxPassages, maxJobMinutes);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(maxPassages >= 1, "sources.maxPassages must be at least 1")
                .check(maxJobMinutes >= 1, "sources.maxJobMinutes must be at least 1")
                .list();
    }
}
