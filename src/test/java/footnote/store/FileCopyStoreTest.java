package footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCopyStoreTest {

    @TempDir
    Path dir;

    @Test
    void keeps_each_sources_copies_apart_and_lists_them_in_order() throws IOException {
        FileCopyStore copies = new FileCopyStore(dir);
        copies.write("feed01", "feed01-1", "second");
        copies.write("feed01", "feed01-0", "first");
        copies.write("page02", "page02", "a page");

        assertThat(copies.articleIds("feed01")).containsExactly("feed01-0", "feed01-1");
        assertThat(copies.read("feed01", "feed01-1")).isEqualTo("second");
        assertThat(copies.sourceIds()).containsExactly("feed01", "page02");
        assertThat(copies.articleIds("absent")).isEmpty();
    }

    @Test
    void deleting_a_source_deletes_its_copies_only() {
        FileCopyStore copies = new FileCopyStore(dir);
        copies.write("feed01", "feed01-0", "first");
        copies.write("page02", "page02", "a page");

        copies.deleteAll("feed01");
        copies.deleteAll("never-written");

        assertThat(copies.sourceIds()).containsExactly("page02");
    }

    @Test
    void ids_cannot_name_paths_outside_the_folder() {
        FileCopyStore copies = new FileCopyStore(dir);

        assertThatThrownBy(() -> copies.write("..", "x", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copies.write("ok", "../../x", "t")).isInstanceOf(IllegalArgumentException.class);
    }
}
