package footnote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Chunker;
import footnote.corpus.Scope;
import footnote.corpus.SentenceSplitter;
import footnote.ingest.ArticleFiles;
import footnote.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    @TempDir
    Path dir;

    private final Path sources = Fixtures.resourcePath("eval/articles");

    @Test
    void writes_one_passage_per_paragraph_from_real_sentences() throws IOException {
        SyntheticCorpus corpus = SyntheticCorpus.fromArticles(sources);

        Path folder = corpus.write(dir.resolve("c"), 25, 7);

        List<String> texts = passages(folder);
        assertThat(texts).hasSize(25);
        assertThat(files(folder)).hasSize(3);
        StringBuilder original = new StringBuilder();
        for (Path file : files(sources)) {
            original.append(Files.readString(file)).append('\n');
        }
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(texts).allSatisfy(text -> {
            assertThat(text.split("\\s+").length).isBetween(20, 60);
            assertThat(splitter.split(text)).allSatisfy(sentence -> assertThat(original).contains(sentence));
        });
    }

    @Test
    void the_same_seed_writes_the_same_corpus_and_another_seed_another() throws IOException {
        SyntheticCorpus corpus = SyntheticCorpus.fromArticles(sources);

        List<String> first = passages(corpus.write(dir.resolve("a"), 12, 1));
        List<String> again = passages(corpus.write(dir.resolve("b"), 12, 1));
        List<String> other = passages(corpus.write(dir.resolve("c"), 12, 2));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<String> passages(Path folder) throws IOException {
        ArticleFiles articles = new ArticleFiles();
        Chunker chunker = new Chunker(60, 20);
        List<String> texts = new ArrayList<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            chunker.chunk(articles.parse(articles.text(file), name, name, name, Scope.GLOBAL))
                    .forEach(p -> texts.add(p.text()));
        }
        return texts;
    }

    @Test
    void a_hostile_page_is_one_line_of_the_size_asked_and_its_questions_are_in_it() throws IOException {
        SyntheticCorpus corpus = SyntheticCorpus.fromArticles(sources);

        HostilePage bare = corpus.hostilePage(HostilePage.Shape.UNPUNCTUATED, 200_000, 20, 3);
        HostilePage line = corpus.hostilePage(HostilePage.Shape.ONE_LINE, 200_000, 20, 3);

        for (HostilePage page : List.of(bare, line)) {
            assertThat(page.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isBetween(200_000, 200_000 + 2_000);
            assertThat(page.text()).doesNotContain("\n");
            assertThat(page.questions()).hasSize(20).allSatisfy(q -> assertThat(page.text()).contains(q));
        }
        assertThat(bare.text()).doesNotContain(".", ",", "?", "!");
        assertThat(new SentenceSplitter().split(bare.text())).hasSize(1);
        assertThat(new SentenceSplitter().split(line.text()).size()).isGreaterThan(100);
        assertThat(corpus.hostilePage(HostilePage.Shape.ONE_LINE, 200_000, 20, 3)).isEqualTo(line);
    }
}
