package footnote.config;

import java.util.ArrayList;
import java.util.List;

/** The problems found with a section's values, one line each, in the order they were checked. */
final class Checks {

    private final List<String> problems = new ArrayList<>();

    /** An http or https URL with a host, as the HTTP clients accept. */
    static boolean httpUrl(String value) {
        return value.matches("https?://[^\\s/?#]+(/\\S*)?");
    }

    /** A name an environment variable can have. */
    static boolean variableName(String value) {
        return value.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** Notes {@code problem} unless {@code ok}. */
    Checks check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    /** Adds what a nested section found. */
    Checks add(List<String> found) {
        problems.addAll(found);
        return this;
    }

    List<String> list() {
        return List.copyOf(problems);
    }
}
