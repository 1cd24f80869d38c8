package footnote.summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A few sentences that sum up an answer, each citing the excerpts it rests on by number.
 *
 * @param note said beside the summary when it is not what was configured, e.g. why the model's was not used
 */
public record Summary(List<Sentence> sentences, Origin origin, Optional<String> note) {

    /** Who wrote it: sentences quoted from the excerpts, or a language model. */
    public enum Origin { EXTRACTIVE, MODEL }

    /** One sentence and the excerpt numbers it cites, in order, each once. */
    public record Sentence(String text, List<Integer> cites) {

        public Sentence {
            Objects.requireNonNull(text, "text");
            cites = List.copyOf(cites);
        }

        /** The sentence as shown: its text, then its citations. */
        public String rendered() {
            return text + " " + citations();
        }

        /** Its citations as [1][3]. */
        public String citations() {
            return cites.stream().map(n -> "[" + n + "]").collect(Collectors.joining());
        }
    }

    public Summary {
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(note, "note");
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a summary has at least one sentence");
        }
    }

    /** The sentences as one paragraph, each followed by its citations. */
    public String text() {
        return sentences.stream().map(Sentence::rendered).collect(Collectors.joining(" "));
    }

    public Summary withNote(String why) {
        return new Summary(sentences, origin, Optional.of(why));
    }
}
