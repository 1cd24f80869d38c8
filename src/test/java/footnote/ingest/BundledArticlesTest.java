package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The articles shipped in config/: their page boilerplate never becomes a passage, and no sentence is cut. */
class BundledArticlesTest {

    private static final List<String> BOILERPLATE = List.of("Previous", "Post Comment", "Most read",
            "WhatsApp", "Photo:", "Source: SCMP", "Leave A Reply", "Loading Now", "© 2021", "Updates with",
            "MishraMar", "Rethinking Bengaluru", "Pathways to AI Sovereignty", "Devil in the Details");

    @Test
    void boilerplate_of_the_captured_pages_never_reaches_a_passage() throws IOException {
        for (Passage passage : passages()) {
            for (String sentence : passage.sentences()) {
                assertThat(BOILERPLATE).noneSatisfy(b -> assertThat(sentence).contains(b));
            }
        }
    }

    @Test
    void every_passage_sentence_is_a_whole_sentence_of_the_article() throws IOException {
        for (Passage passage : passages()) {
            for (String sentence : passage.sentences()) {
                assertThat(sentence).matches("(?s)^[\\p{Lu}\\p{N}“\"‘'(].*")
                        .matches("(?s).*([.!?…:][”\"’')\\]]*|[\\p{L}\\p{N}]|“)$");
            }
        }
    }

    @Test
    void the_article_text_around_the_boilerplate_is_kept() throws IOException {
        List<String> sentences = passages().stream().flatMap(p -> p.sentences().stream()).toList();

        assertThat(sentences).contains(
                "Seated at the table alongside Jack Ma were some of China’s most influential business leaders:"
                        + " Xiaomi founder and CEO Lei Jun; Tencent chief Pony Ma Huateng; Wang Chuanfu, chairman of"
                        + " the world’s largest EV maker, BYD; and Ren Zhengfei, founder and CEO of Huawei Technologies.",
                "Jack Ma did not give a speech at this meeting.");
    }

    @Test
    void the_photo_captions_are_passages_of_their_own_once_each_without_their_credits() throws IOException {
        List<Passage> captions = passages().stream().filter(p -> p.kind() == PassageKind.CAPTION).toList();

        // The summit article shows its first caption twice; the page's "Source: SCMP" credit says nothing alone.
        assertThat(captions).extracting(Passage::text).containsExactlyInAnyOrder(
                "Chinese President Xi Jinping, centre, attends a symposium on private enterprises in Beijing on 17 Feb.",
                "Unitree’s humanoid robots on display at the company’s offices.",
                "Chinese President Xi Jinping shakes hands with Huawei founder Ren Zhengfei at a symposium that"
                        + " brought together the country’s leading tech entrepreneurs on February 17.");
        assertThat(captions).allSatisfy(c -> {
            assertThat(c.articleId()).isEqualTo("xi-closed-door-summit-tech-moguls.md");
            assertThat(c.before()).isEmpty();
            assertThat(c.after()).isEmpty();
        });
        assertThat(passages()).filteredOn(p -> p.kind() == PassageKind.PROSE)
                .noneSatisfy(p -> assertThat(p.text()).contains("17 Feb"));
    }

    private static List<Passage> passages() throws IOException {
        ArticleFiles files = new ArticleFiles();
        Chunker chunker = new Chunker(60, 20);
        try (Stream<Path> listing = Files.list(Path.of("config/articles"))) {
            List<Path> paths = listing.sorted().toList();
            assertThat(paths).hasSize(4);
            List<Passage> passages = new java.util.ArrayList<>();
            for (Path path : paths) {
                String name = path.getFileName().toString();
                passages.addAll(chunker.chunk(files.parse(files.text(path), name, name, name, Scope.GLOBAL)));
            }
            return passages;
        }
    }
}
