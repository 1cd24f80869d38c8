package footnote.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A setting that takes one of a fixed set of values: an enum whose constants are written in YAML (and on the
 * command line) as their names in lower case, so the file reads {@code backend: solr} while the code switches on
 * {@code Backend.SOLR}.
 */
public interface Choice {

    /** The constant's name, as every enum has it. */
    String name();

    /** How the value is written in YAML. */
    @JsonValue
    default String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant written {@code key}, exactly as in YAML (no other case); empty when there is none. */
    static <E extends Enum<E> & Choice> Optional<E> parse(Class<E> type, String key) {
        return values(type).stream().filter(c -> c.key().equals(key)).findFirst().map(type::cast);
    }

    /** The constants of a choice type, in the order they are declared. */
    static List<Choice> values(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice.class::cast).toList();
    }

    /** The values a choice of this type takes, for messages: {@code none, extractive or llm}. */
    static String allowed(Class<?> type) {
        List<String> keys = values(type).stream().map(Choice::key).toList();
        return keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}
