package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The in-process embedding model: the YAML section {@code embedding}. Changing it rebuilds the index on the next
 * start.
 *
 * @param model the model's name; an unknown one is refused when the model is loaded, which knows the names
 */
public record EmbeddingConfig(String model) {

    public EmbeddingConfig {
        model = requireNonNullElse(model, "bge-small-en-v1.5");
    }

    public static EmbeddingConfig defaults() {
        return new EmbeddingConfig(null);
    }

    /** None: the list of models lives with the embedder, which refuses a name it does not know. */
    public List<String> problems() {
        return List.of();
    }
}
