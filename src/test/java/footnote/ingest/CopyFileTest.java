package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Article;
import footnote.corpus.Scope;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopyFileTest {

    private static final CopyFile.Meta META = new CopyFile.Meta("Robots: a \"gala\" night", Optional.of("Jane Doe"),
            Optional.of("Harbour Gazette"), Optional.of("2025-02-01"), Optional.of("https://example.org/robots"),
            Optional.empty(), Optional.empty());

    @Test
    void a_copy_reads_back_as_an_article_with_its_citation_metadata() throws IOException {
        String copy = CopyFile.write(META, Optional.of("guid-1"), List.of("First paragraph.", "Second: one more."),
                Instant.parse("2026-01-01T00:00:00Z"));

        Article article = new ArticleFiles().parse(copy, "x.md", "a", "s", Scope.GLOBAL);

        assertThat(article.metadata().title()).isEqualTo("Robots: a \"gala\" night");
        assertThat(article.metadata().author()).contains("Jane Doe");
        assertThat(article.metadata().publisher()).contains("Harbour Gazette");
        assertThat(article.metadata().published().map(d -> d.display())).contains("1 Feb 2025");
        assertThat(article.metadata().url()).contains("https://example.org/robots");
        assertThat(article.body()).isEqualTo("First paragraph.\n\nSecond: one more.\n");
    }

    @Test
    void a_copy_of_an_upload_cites_the_uploaded_file() throws IOException {
        CopyFile.Meta upload = new CopyFile.Meta("Report", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("report.pdf"), Optional.empty());

        Article article = new ArticleFiles().parse(CopyFile.write(upload, Optional.empty(), List.of("Text."),
                Instant.EPOCH), "abc123.md", "a", "s", Scope.GLOBAL);

        assertThat(article.metadata().fileName()).contains("report.pdf");
        assertThat(article.metadata().dateNote()).isEmpty();
    }

    @Test
    void a_copy_keeps_the_note_on_an_undated_uploads_date() throws IOException {
        CopyFile.Meta upload = new CopyFile.Meta("Notes", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("notes.md"), Optional.of("Written shortly after the 2025 summit"));

        Article article = new ArticleFiles().parse(CopyFile.write(upload, Optional.empty(), List.of("Text."),
                Instant.EPOCH), "abc123.md", "a", "s", Scope.GLOBAL);

        assertThat(article.metadata().dateNote()).contains("Written shortly after the 2025 summit");
    }

    @Test
    void the_keys_of_a_copy_tell_feed_entries_apart() {
        String copy = CopyFile.write(META, Optional.of("guid-1"), List.of("Text."), Instant.EPOCH);

        CopyFile.Keys keys = CopyFile.keys(copy);

        assertThat(keys.guid()).isEqualTo("guid-1");
        assertThat(keys.url()).isEqualTo("https://example.org/robots");
        assertThat(keys.hash()).isEqualTo(CopyFile.hash(List.of("Text.")));
    }

    @Test
    void the_same_text_hashes_the_same_whatever_its_spacing() {
        assertThat(CopyFile.hash(List.of("One  two\nthree. "))).isEqualTo(CopyFile.hash(List.of("One two three.")));
        assertThat(CopyFile.hash(List.of("One two three."))).isNotEqualTo(CopyFile.hash(List.of("One two four.")));
    }
}
