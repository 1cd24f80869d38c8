package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.corpus.Article;
import footnote.corpus.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    private final ArticleFiles files = new ArticleFiles();

    @TempDir
    Path dir;

    @Test
    void reads_metadata_from_front_matter_and_keeps_the_body_as_written() throws IOException {
        String text = """
                ---
                title: "Xi’s Summit"
                author: Amit Mishra
                published: 2025-03-04
                url: https://example.org/summit
                layout: post
                ---
                Economy

                The body starts here.
                """;

        Article article = files.parse(text, "summit.md", "summit", "summit", Scope.GLOBAL);

        assertThat(article.metadata().title()).isEqualTo("Xi’s Summit");
        assertThat(article.metadata().author()).contains("Amit Mishra");
        assertThat(article.metadata().publisher()).isEmpty();
        assertThat(article.metadata().published().map(d -> d.display())).contains("4 Mar 2025");
        assertThat(article.metadata().url()).contains("https://example.org/summit");
        assertThat(article.metadata().fileName()).contains("summit.md");
        assertThat(article.body()).isEqualTo("Economy\n\nThe body starts here.\n");
    }

    @Test
    void reads_the_note_on_an_undated_articles_date() throws IOException {
        String text = """
                ---
                title: "Xi Jinping’s Meeting with Private Tech Entrepreneurs"
                date_note: "Written shortly after the February 2025 symposium"
                ---
                The body starts here.
                """;

        Article article = files.parse(text, "meeting.md", "meeting", "meeting", Scope.GLOBAL);

        assertThat(article.metadata().published()).isEmpty();
        assertThat(article.metadata().dateNote()).contains("Written shortly after the February 2025 symposium");
        assertThat(files.parse("---\ntitle: T\ndate_note: \"  \"\n---\nBody.", "t.md", "t", "t", Scope.GLOBAL)
                .metadata().dateNote()).as("a blank note is no note").isEmpty();
    }

    @Test
    void without_front_matter_the_first_line_is_the_title() throws IOException {
        Article article = files.parse("# A plain article\n\nIt has text.", "plain.txt", "plain", "plain", Scope.GLOBAL);

        assertThat(article.metadata().title()).isEqualTo("A plain article");
        assertThat(article.body()).startsWith("# A plain article");
    }

    @Test
    void a_first_line_that_is_a_sentence_is_text_and_the_file_name_is_the_title() throws IOException {
        Article article = files.parse("Zebras live on the savanna.\n", "zebras.txt", "z", "z", Scope.GLOBAL);

        assertThat(article.metadata().title()).isEqualTo("zebras");
    }

    @Test
    void malformed_front_matter_names_the_file() {
        assertThatThrownBy(() -> files.parse("---\ntitle: [oops\n---\nBody.", "bad.md", "bad", "bad", Scope.GLOBAL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.md has malformed front matter");
    }

    @Test
    void a_file_that_is_not_utf8_text_is_refused_by_name() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF});

        assertThatThrownBy(() -> files.text(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("latin1.txt is not UTF-8 text");
    }
}
