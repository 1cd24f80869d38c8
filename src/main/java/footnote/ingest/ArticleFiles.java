package footnote.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import footnote.corpus.Article;
import footnote.corpus.ArticleMetadata;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article file: UTF-8 text, optionally opened by YAML front matter between {@code ---} lines that states
 * the article's title, author, publisher, date and link, and for an undated article a {@code date_note} on when it
 * was written. Keys it does not know are ignored, so front matter written for a static-site generator works as it
 * is.
 */
public final class ArticleFiles {

    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A\\uFEFF?---[ \\t]*\\R(.*?)\\R---[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);
    private static final int MAX_TITLE_LINE = 200;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)]*$");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FrontMatter(
            @JsonProperty("title") String title,
            @JsonProperty("author") String author,
            @JsonProperty("publisher") String publisher,
            @JsonProperty("published") String published,
            @JsonProperty("url") String url,
            @JsonProperty("file") String file,
            @JsonProperty("date_note") String dateNote) {

        static final FrontMatter NONE = new FrontMatter(null, null, null, null, null, null, null);
    }

    /** The file's bytes decoded, or a one-line reason why they cannot be. */
    public String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file.getFileName() + " is not UTF-8 text", e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + " cannot be read: permission denied", e);
        }
    }

    /**
     * Parses file text already read. {@code fileName} is shown in citations when the article has no link, unless
     * the front matter names the file it came from ({@code file:}, as copies of uploads do).
     */
    public Article parse(String text, String fileName, String articleId, String sourceId, Scope scope)
            throws IOException {
        Matcher m = FRONT_MATTER.matcher(text);
        boolean hasFrontMatter = m.find();
        FrontMatter front = hasFrontMatter ? frontMatter(m.group(1), fileName) : FrontMatter.NONE;
        String body = hasFrontMatter ? text.substring(m.end()) : text;
        String title = nonBlank(front.title()).or(() -> headline(body)).orElse(stem(fileName));
        ArticleMetadata metadata = new ArticleMetadata(title, nonBlank(front.author()), nonBlank(front.publisher()),
                nonBlank(front.published()).flatMap(PublicationDate::parse), nonBlank(front.url()),
                nonBlank(front.file()).or(() -> Optional.of(fileName)), nonBlank(front.dateNote()));
        return new Article(articleId, sourceId, scope, metadata, body);
    }

    private FrontMatter frontMatter(String yamlText, String fileName) throws IOException {
        try {
            FrontMatter parsed = yaml.readValue(yamlText, FrontMatter.class);
            return parsed == null ? FrontMatter.NONE : parsed;
        } catch (JacksonException e) {
            throw new IOException(fileName + " has malformed front matter: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The first line, when it reads as a headline: a Markdown heading, or a short line that does not end like a
     * sentence. A first line that is a sentence is text, not a title.
     */
    private static Optional<String> headline(String body) {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .filter(l -> l.length() <= MAX_TITLE_LINE)
                .filter(l -> l.startsWith("#") || !SENTENCE_END.matcher(l).find())
                .map(l -> l.replaceFirst("^#+\\s*", ""));
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Optional<String> nonBlank(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
    }
}
