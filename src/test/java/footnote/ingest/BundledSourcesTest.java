package footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSourcesTest {

    @TempDir
    Path dir;

    @Test
    void one_global_source_per_article_file_named_after_it() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(a.resolve("summit.md"), "x");
        Files.writeString(a.resolve("notes.txt"), "x");
        Files.writeString(a.resolve("image.png"), "x");
        Files.writeString(b.resolve("summit.txt"), "x");

        List<Source> sources = BundledSources.in(List.of(a, b));

        assertThat(sources).extracting(Source::id).containsExactly("notes", "summit", "summit.txt");
        assertThat(sources).allSatisfy(s -> assertThat(s.scope()).isEqualTo(Scope.GLOBAL));
    }

    @Test
    void a_missing_folder_is_named() {
        assertThatThrownBy(() -> BundledSources.in(List.of(dir.resolve("gone"))))
                .isInstanceOf(IOException.class).hasMessageContaining("gone does not exist");
    }
}
