package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceActivity;
import footnote.corpus.SourceActivity.Kind;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import footnote.corpus.SourceKind;
import footnote.corpus.SourceStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

    @Test
    void every_kind_of_source_work_is_worded_with_its_subject() {
        assertThat(Arrays.stream(Kind.values()).map(k -> SourceLines.activity(new SourceActivity(k, "Harbour news"))))
                .containsExactly("Adding Harbour news", "Adding Harbour news again", "Reading Harbour news",
                        "Refreshing Harbour news", "Polling Harbour news", "Fetching Harbour news again",
                        "Fetching Harbour news", "Fetching the entries of Harbour news",
                        "Fetched the entries of Harbour news", "Indexing Harbour news");
    }

    @Test
    void the_status_lines_say_what_runs_what_waits_and_what_failed() {
        SourceStatus failed = new SourceStatus(new Source("k3x9qa", new SourceKind.Feed(URI.create(
                "https://example.org/feed.xml")), Scope.server("1")), "Harbour news", 3, 30,
                Optional.of(new SourceChange.Problem.Fetch("example.org answered 503")));
        SourceJobs jobs = new SourceJobs(List.of(new SourceActivity(Kind.ADDING, "https://example.org/a")),
                List.of(new SourceActivity(Kind.POLLING, "Harbour news")), List.of(failed));

        assertThat(SourceLines.jobs(jobs)).containsExactly("Running: Adding https://example.org/a",
                "Queued: Polling Harbour news", "Failed: Harbour news (id k3x9qa): example.org answered 503");
        assertThat(SourceLines.jobs(new SourceJobs(List.of(), List.of(), List.of())))
                .containsExactly("Nothing is running, queued or failing.");
    }
}
