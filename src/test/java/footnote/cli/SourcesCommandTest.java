package footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.Fixtures;
import footnote.testing.WebFixtures;
import footnote.testing.WebServer;
import footnote.testing.WebServer.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator manages the sources that serve every server from the command line. */
class SourcesCommandTest {

    @TempDir
    Path dir;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private WebServer web;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        web = WebServer.start();
        web.serve("/zebras.html", Page.of("text/html", WebFixtures.article("Zebras of the northern plain", "Jane Doe",
                "https://example.org/zebras",
                "A herd of four hundred zebras crossed the northern plain in March, led by an old mare called Tamu.",
                "Rangers counted the zebras from a light aircraft and found that the herd had doubled since 2019.")));
        config = dir.resolve("footnote.yaml");
        Files.writeString(config, WebFixtures.loopbackConfig(dir.resolve("index"), Fixtures.resourcePath("eval/articles"),
                web.port(), ""));
    }

    @AfterEach
    void tearDown() {
        System.setOut(realOut);
        System.setErr(realErr);
        web.close();
    }

    private String run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        int code = Main.execute(all);
        return code + ":" + out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void adds_lists_answers_from_and_removes_a_page() {
        String added = run("sources", "add", web.url("/zebras.html").toString());
        String id = added.replaceAll("(?s).*\\(id ([a-z0-9]+)\\).*", "$1");
        String listed = run("sources", "list");
        String answered = run("ask", "Who led the zebra herd?");
        String removed = run("sources", "remove", id);
        String after = run("ask", "Who led the zebra herd?");

        assertThat(added).startsWith("0:Added page Zebras of the northern plain (id ");
        assertThat(listed).contains("- Zebras of the northern plain", "id " + id + " · page", "- Beijing bans rare metal exports");
        assertThat(answered).contains("Tamu", "Zebras of the northern plain · Jane Doe · 1 Feb 2025 · https://example.org/zebras");
        assertThat(removed).startsWith("0:Removed Zebras of the northern plain (id " + id + ")");
        assertThat(after).doesNotContain("Tamu");
    }

    @Test
    void uploads_a_local_file_and_reports_status() throws IOException {
        Path file = dir.resolve("ferry.txt");
        Files.writeString(file, "The night ferry leaves the harbour at eleven and reaches the island at dawn.\n");

        String uploaded = run("sources", "upload", file.toString());
        String status = run("sources", "status");

        assertThat(uploaded).startsWith("0:Added upload ferry (id ");
        assertThat(status).isEqualTo("0:Nothing is running, queued or failing.");
    }

    @Test
    void a_failure_exits_non_zero_with_the_reason_on_standard_error_alone() {
        String missing = run("sources", "add", web.url("/gone.html").toString());
        String missingErr = err.toString(StandardCharsets.UTF_8);
        String unknown = run("sources", "remove", "nosuch");

        assertThat(missing).isEqualTo("1:");
        assertThat(missingErr).contains("404");
        assertThat(unknown).isEqualTo("1:");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "There is no source nosuch here; /sources list shows the ids.");
    }
}
