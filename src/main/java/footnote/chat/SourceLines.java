package footnote.chat;

import footnote.corpus.SourceJobs;
import footnote.corpus.SourceState;
import footnote.corpus.SourceStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words that describe a source and source work, shared by the renderers (Discord's included). */
public final class SourceLines {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private SourceLines() {}

    /** {@code id k3x9qa · feed · ready · fetched 4 Mar 2025 10:00 UTC · 12 articles · 140 passages}. */
    public static String details(SourceStatus s) {
        StringBuilder out = new StringBuilder("id ").append(s.source().id()).append(" · ")
                .append(s.source().kind().label());
        if (s.state() != SourceState.READY) {
            out.append(" · ").append(s.state().name().toLowerCase(Locale.ROOT));
        }
        s.lastFetched().ifPresent(t -> out.append(" · fetched ").append(WHEN.format(t)));
        if (s.articles() != 1) {
            out.append(" · ").append(s.articles()).append(" articles");
        }
        out.append(" · ").append(s.passages()).append(s.passages() == 1 ? " passage" : " passages");
        s.problem().ifPresent(p -> out.append(" · last fetch failed: ").append(p));
        return out.toString();
    }

    public static List<String> jobs(SourceJobs jobs) {
        List<String> lines = new ArrayList<>();
        if (jobs.running().isEmpty() && jobs.queued().isEmpty() && jobs.failed().isEmpty()) {
            lines.add("Nothing is running, queued or failing.");
            return lines;
        }
        jobs.running().forEach(r -> lines.add("Running: " + r));
        jobs.queued().forEach(q -> lines.add("Queued: " + q));
        jobs.failed().forEach(f -> lines.add("Failed: " + f.title() + " (id " + f.source().id() + "): "
                + f.problem().orElse("")));
        return lines;
    }
}
