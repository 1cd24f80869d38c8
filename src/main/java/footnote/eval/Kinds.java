package footnote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcomes grouped by the kind of their question (casual, typo, trap...), so that a kind Footnote handles badly
 * shows as its own row instead of vanishing into the average.
 */
public final class Kinds {

    /** The group of questions whose line names no kind, when others do. */
    public static final String NO_KIND = "(no kind)";

    /** The outcomes of one kind of question, in the order asked. */
    public record Group(String kind, List<Outcome> outcomes) {
        public Group {
            outcomes = List.copyOf(outcomes);
        }

        public Metrics metrics() {
            return Metrics.of(outcomes);
        }
    }

    private Kinds() {}

    /**
     * One group per kind, in the order the kinds first appear; none when no question has a kind, since one group
     * would only repeat the totals.
     */
    public static List<Group> of(List<Outcome> outcomes) {
        if (outcomes.stream().allMatch(o -> o.question().kind().isEmpty())) {
            return List.of();
        }
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            byKind.computeIfAbsent(outcome.question().kind().orElse(NO_KIND), k -> new ArrayList<>()).add(outcome);
        }
        return byKind.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }
}
