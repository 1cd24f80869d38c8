package footnote.chat;

import footnote.corpus.SourceActivity;
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
        s.problem().ifPresent(p -> out.append(" · last fetch failed: ")
                .append(SourceChangeWording.recorded(s.title(), p)));
        return out.toString();
    }

    public static List<String> jobs(SourceJobs jobs) {
        List<String> lines = new ArrayList<>();
        if (jobs.running().isEmpty() && jobs.queued().isEmpty() && jobs.failed().isEmpty()) {
            lines.add("Nothing is running, queued or failing.");
            return lines;
        }
        jobs.running().forEach(r -> lines.add("Running: " + activity(r)));
        jobs.queued().forEach(q -> lines.add("Queued: " + activity(q)));
        jobs.failed().forEach(f -> lines.add("Failed: " + f.title() + " (id " + f.source().id() + "): "
                + f.problem().map(p -> SourceChangeWording.recorded(f.title(), p)).orElse("")));
        return lines;
    }

    /** {@code Adding https://example.org/feed.xml}, {@code Fetching the entries of Example News}. */
    public static String activity(SourceActivity activity) {
        String subject = activity.subject();
        switch (activity.kind()) {
            case ADDING:
                return "Adding " + subject;
            case ADDING_AGAIN:
                return "Adding " + subject + " again";
            case READING:
                return "Reading " + subject;
            case REFRESHING:
                return "Refreshing " + subject;
            case POLLING:
                return "Polling " + subject;
            case FETCHING_AGAIN:
                return "Fetching " + subject + " again";
            case FETCHING:
                return "Fetching " + subject;
            case FETCHING_ENTRIES:
                return "Fetching the entries of " + subject;
            case FETCHED_ENTRIES:
                return "Fetched the entries of " + subject;
            case INDEXING:
                return "Indexing " + subject;
            default:
                throw new IllegalArgumentException("unworded activity " + activity.kind());
        }
    }
}
