package footnote.bench;

import footnote.corpus.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Article files of a chosen size made from real sentences, so the vocabulary and term statistics are realistic:
 * each paragraph recombines random sentences of the source articles (SQuAD's) into about 40 to 60 words, which the
 * chunker makes one passage. The same seed and sources give the same files.
 */
public final class SyntheticCorpus {

    /** Paragraphs per generated article: enough that per-article costs do not dominate. */
    static final int PARAGRAPHS_PER_ARTICLE = 10;
    private static final int MIN_WORDS = 40;
    private static final int MAX_WORDS = 60;
    /** A sentence of prose ends in a full stop, question or exclamation mark, perhaps inside a quote: a heading does not. */
    private static final java.util.regex.Pattern PROSE = java.util.regex.Pattern.compile("[.!?][\"”’')]*$");

    /** What is not part of a word: punctuation and symbols, which an unpunctuated page leaves out. */
    private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}\\s]+");

    private final List<String> sentences;

    private SyntheticCorpus(List<String> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences to build a corpus from");
        }
        this.sentences = sentences;
    }

    /** The sentences of every {@code .md} article under {@code folder} (front matter skipped), in file order. */
    public static SyntheticCorpus fromArticles(Path folder) throws IOException {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String paragraph : body(Files.readString(file, StandardCharsets.UTF_8)).split("\\n\\s*\\n")) {
                    splitter.split(paragraph.strip()).stream()
                            .filter(s -> words(s) >= 4 && words(s) <= MAX_WORDS / 2 && PROSE.matcher(s).find())
                            .forEach(sentences::add);
                }
            }
        }
        return new SyntheticCorpus(List.copyOf(sentences));
    }

    public int sentenceCount() {
        return sentences.size();
    }

    /**
     * Writes articles holding about {@code paragraphs} paragraphs into {@code folder}, unless a previous run wrote
     * the same corpus there already (a marker file records seed and size).
     *
     * @return the folder
     */
    public Path write(Path folder, int paragraphs, long seed) {
        try {
            Path marker = folder.resolve(".corpus");
            String signature = "paragraphs=" + paragraphs + ";seed=" + seed + ";sentences=" + sentences.size();
            if (Files.exists(marker) && Files.readString(marker).equals(signature)) {
                return folder;
            }
            Files.createDirectories(folder);
            Random random = new Random(seed);
            int articles = (paragraphs + PARAGRAPHS_PER_ARTICLE - 1) / PARAGRAPHS_PER_ARTICLE;
            for (int a = 0; a < articles; a++) {
                int count = Math.min(PARAGRAPHS_PER_ARTICLE, paragraphs - a * PARAGRAPHS_PER_ARTICLE);
                StringBuilder text = new StringBuilder("---\ntitle: \"Synthetic article " + (a + 1)
                        + "\"\npublisher: \"Footnote benchmark\"\n---\n");
                for (int p = 0; p < count; p++) {
                    text.append('\n').append(paragraph(random)).append('\n');
                }
                Files.writeString(folder.resolve(String.format("a%07d.md", a + 1)), text, StandardCharsets.UTF_8);
            }
            Files.writeString(marker, signature);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the corpus to " + folder, e);
        }
    }

    /**
     * A page built to be hostile, of about {@code bytes} bytes of UTF-8: random sentences run together on one line,
     * with their punctuation ({@link HostilePage.Shape#UNPUNCTUATED}) or without ({@link HostilePage.Shape#ONE_LINE}
     * keeps it), like minified text, a transcript or a table flattened by extraction. The same seed gives the same
     * page; a sample of its sentences, as they appear in it, are the questions that match it.
     */
    public HostilePage hostilePage(HostilePage.Shape shape, long bytes, int questions, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<String> asked = new ArrayList<>();
        long size = 0;
        while (size < bytes) {
            String sentence = sentences.get(random.nextInt(sentences.size()));
            String written = shape == HostilePage.Shape.UNPUNCTUATED ? NOT_A_WORD.matcher(sentence).replaceAll(" ")
                    .replaceAll("\\s+", " ").strip() : sentence;
            if (written.isEmpty()) {
                continue;
            }
            text.append(text.length() == 0 ? "" : " ").append(written);
            size += written.getBytes(StandardCharsets.UTF_8).length + 1;
            if (asked.size() < questions && random.nextInt(50) == 0) {
                asked.add(written);
            }
        }
        return new HostilePage(shape, text.toString(), asked);
    }

    private String paragraph(Random random) {
        StringBuilder paragraph = new StringBuilder();
        int words = 0;
        while (words < MIN_WORDS) {
            String sentence = sentences.get(random.nextInt(sentences.size()));
            if (words + words(sentence) > MAX_WORDS) {
                continue;
            }
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(sentence);
            words += words(sentence);
        }
        return paragraph.toString();
    }

    private static String body(String file) {
        if (!file.startsWith("---")) {
            return file;
        }
        int end = file.indexOf("\n---", 3);
        return end < 0 ? file : file.substring(end + 4);
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
