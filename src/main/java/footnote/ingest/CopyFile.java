package footnote.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy of a fetched or uploaded article: an article file like the bundled ones (YAML front matter, then the
 * text, a paragraph per blank-line-separated block), plus what tells entries apart when a feed is polled again:
 * the entry's GUID, its link and a hash of its text.
 */
final class CopyFile {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /**
     * Citation metadata as the article states it.
     *
     * @param dateNote an uploaded Markdown file's own {@code date_note}; pages, feeds and PDFs state none
     */
    record Meta(String title, Optional<String> author, Optional<String> publisher, Optional<String> published,
            Optional<String> url, Optional<String> file, Optional<String> dateNote) {}

    /** What a later poll compares new feed entries with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Keys(@JsonProperty("guid") String guid, @JsonProperty("url") String url, @JsonProperty("hash") String hash) {}

    /** What a copy's front matter says of where it came from, to restore a source record from its copies. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Origin(@JsonProperty("title") String title, @JsonProperty("url") String url,
            @JsonProperty("file") String file, @JsonProperty("guid") String guid) {}

    private CopyFile() {}

    static Origin origin(String copy) {
        Matcher m = FRONT_MATTER.matcher(copy);
        if (!m.find()) {
            return new Origin(null, null, null, null);
        }
        try {
            return YAML.readValue(m.group(1), Origin.class);
        } catch (JacksonException e) {
            return new Origin(null, null, null, null);
        }
    }

    static String write(Meta meta, Optional<String> guid, List<String> paragraphs, Instant fetched) {
        Map<String, String> front = new LinkedHashMap<>();
        front.put("title", meta.title());
        meta.author().ifPresent(a -> front.put("author", a));
        meta.publisher().ifPresent(p -> front.put("publisher", p));
        meta.published().ifPresent(p -> front.put("published", p));
        meta.url().ifPresent(u -> front.put("url", u));
        meta.file().ifPresent(f -> front.put("file", f));
        meta.dateNote().ifPresent(n -> front.put("date_note", n));
        guid.ifPresent(g -> front.put("guid", g));
        front.put("hash", hash(paragraphs));
        front.put("fetched", fetched.toString());
        try {
            return "---\n" + YAML.writeValueAsString(front) + "---\n" + String.join("\n\n", paragraphs) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    static Keys keys(String copy) {
        Matcher m = FRONT_MATTER.matcher(copy);
        if (!m.find()) {
            return new Keys(null, null, null);
        }
        try {
            return YAML.readValue(m.group(1), Keys.class);
        } catch (JacksonException e) {
            return new Keys(null, null, null);
        }
    }

    /** The same text, whatever its spacing, hashes the same: two entries with one article are one article. */
    static String hash(List<String> paragraphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String paragraph : paragraphs) {
                sha.update(paragraph.strip().replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
