package footnote.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSONL question files: one {@code {"question": ..., "answers": [...]}} object a line, optionally with
 * {@code "kind": ...}; or a conversation, {@code {"turns": ["first question", "follow-up"], "answers": [...]}},
 * whose last turn is the question scored (kind {@value EvalQuestion#FOLLOW_UP} unless the line says); other keys
 * ignored.
 */
public final class QuestionFiles {

    private final ObjectMapper json = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(@JsonProperty("question") String question, @JsonProperty("answers") List<String> answers,
            @JsonProperty("kind") String kind, @JsonProperty("turns") List<String> turns) {}

    /** @throws IOException naming the file and line of anything that is not a question */
    public List<EvalQuestion> read(Path file) throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                Line line;
                try {
                    line = json.readValue(text, Line.class);
                } catch (JacksonException e) {
                    throw new IOException(file + " line " + number + ": not a JSON object: " + e.getOriginalMessage(), e);
                }
                questions.add(question(line, file + " line " + number));
            }
        }
        return questions;
    }

    private static EvalQuestion question(Line line, String where) throws IOException {
        // A blank kind says nothing, so it is no kind rather than a row of its own.
        Optional<String> kind = Optional.ofNullable(line.kind()).map(String::strip).filter(k -> !k.isEmpty());
        if (line.turns() != null) {
            if (line.question() != null || line.turns().isEmpty() || line.answers() == null
                    || line.turns().stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IOException(where + ": a conversation needs \"turns\" (questions, the last one scored)"
                        + " and \"answers\", and no \"question\"");
            }
            List<String> turns = line.turns();
            return new EvalQuestion(turns.get(turns.size() - 1), line.answers(),
                    kind.or(() -> Optional.of(EvalQuestion.FOLLOW_UP)), turns.subList(0, turns.size() - 1));
        }
        if (line.question() == null || line.question().isBlank() || line.answers() == null) {
            throw new IOException(where + ": needs \"question\" and \"answers\"");
        }
        return new EvalQuestion(line.question(), line.answers(), kind);
    }
}
