package footnote.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question as typed in chat into the words to search for: Discord mentions, custom emoji and link syntax
 * are taken out (a link's text is kept), chat abbreviations are written out ("ppl" is "people", "tl;dr" a summary)
 * and fillers that ask nothing ("lol", "ngl", "actually") are dropped, since each would otherwise count as a key
 * word the sources lack. The list of chat words is data ({@code chat-words.tsv}): general chat usage, never words
 * of particular questions.
 */
final class QuestionReader {

    static final String RESOURCE = "/footnote/answer/chat-words.tsv";

    private static final Pattern MENTION = Pattern.compile("<(?:@[!&]?|#)\\d+>|<a?:\\w+:\\d+>|@(?:everyone|here)\\b");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\((?:<)?https?://[^)\\s]*(?:>)?\\)");
    private static final Pattern URL = Pattern.compile("<?https?://\\S+");
    private static final Pattern MARKUP = Pattern.compile("[*_~`|]{1,3}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** The question as searched, and whether a word in it was written out from a chat abbreviation. */
    record Reading(String text, boolean expanded) {}

    private final Pattern chatWords;
    private final Map<String, String> meanings;

    QuestionReader() {
        this(load());
    }

    QuestionReader(Map<String, String> meanings) {
        this.meanings = Map.copyOf(meanings);
        List<String> keys = new ArrayList<>(meanings.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed()); // "does anyone know" before "anyone know"
        String alternatives = String.join("|", keys.stream().map(Pattern::quote).toList());
        // Whole words only: "ur" in "your" or "r" in "are" is no abbreviation.
        this.chatWords = Pattern.compile("(?<![\\p{L}\\p{N}'’/&.])(?:" + alternatives + ")(?![\\p{L}\\p{N}/&]|['’.]\\p{L})",
                Pattern.CASE_INSENSITIVE);
    }

    Reading read(String question) {
        String text = MENTION.matcher(question).replaceAll(" ");
        text = LINK.matcher(text).replaceAll("$1");
        text = URL.matcher(text).replaceAll(" ");
        text = MARKUP.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder();
        Matcher m = chatWords.matcher(text);
        boolean expanded = false;
        while (m.find()) {
            String meaning = meanings.get(m.group().toLowerCase(Locale.ROOT));
            expanded |= !meaning.isEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(meaning));
        }
        m.appendTail(out);
        String read = SPACE.matcher(out).replaceAll(" ").strip();
        // A question made only of chat words ("lol", "ok thx") is left as typed: small talk, not nothing.
        return read.chars().anyMatch(Character::isLetterOrDigit) ? new Reading(read, expanded)
                : new Reading(SPACE.matcher(text).replaceAll(" ").strip(), false);
    }

    private static Map<String, String> load() {
        Map<String, String> meanings = new LinkedHashMap<>();
        try (InputStream in = QuestionReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                meanings.put(parts[0].strip().toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
        return meanings;
    }
}
