package footnote.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footnote.search.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Everyday English as the embedding model's tokenizer knows it: the whole words of its WordPiece vocabulary (about
 * 22,000 for the BERT-derived models shipped here). A WordPiece vocabulary keeps a word whole only when it is
 * frequent in the model's training text (Wikipedia and books), so "held", "wait" and "boss" are there, while
 * misspellings ("confrence"), most names and chat abbreviations are split into pieces and are not. It ships
 * inside the model's jar, so it costs nothing to download.
 */
public final class TokenizerLexicon {

    private TokenizerLexicon() {}

    /** The lexicon of the given model's tokenizer. */
    public static Lexicon of(EmbeddingModelChoice model) {
        String resource = "/" + model.configName() + "-q-tokenizer.json";
        try (InputStream in = TokenizerLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the embedding model's jar");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (Iterator<String> names = vocab.fieldNames(); names.hasNext(); ) {
                String piece = names.next();
                if (piece.length() > 1 && piece.chars().allMatch(Character::isLetter)) {
                    words.add(piece);
                }
            }
            return Lexicon.of(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + resource, e);
        }
    }
}
