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
 * {@code "kind": ...}; other keys ignored.
 */
public final class QuestionFiles {

    private final ObjectMapper json = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(@JsonProperty("question") String question, @JsonProperty("answers") List<String> answers,
            @JsonProperty("kind") String kind) {}

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
                if (line.question() == null || line.question().isBlank() || line.answers() == null) {
                    throw new IOException(file + " line " + number + ": needs \"question\" and \"answers\"");
                }
                // A blank kind says nothing, so it is no kind rather than a row of its own.
                Optional<String> kind = Optional.ofNullable(line.kind()).map(String::strip).filter(k -> !k.isEmpty());
                questions.add(new EvalQuestion(line.question(), line.answers(), kind));
            }
        }
        return questions;
    }
}
