package footnote.chat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.List;
import java.util.Optional;

/**
 * Renders replies as the terminal chat shows them: numbered quotes, each with its citation indented below, a
 * caption's quote labelled as one.
 */
public final class TextRenderer {

    public static final String NOT_FOUND = "I couldn't find that in the sources.";

    public String render(Reply reply) {
        if (reply instanceof Reply.Answered answered) {
            return answer(answered.answer(), answered.summary());
        }
        if (reply instanceof Reply.Sources sources) {
            return sources(sources);
        }
        if (reply instanceof Reply.Refusal refusal) {
            return refusal.message();
        }
        if (reply instanceof Reply.Failure failure) {
            return failure.message();
        }
        if (reply instanceof Reply.Settings settings) {
            return "Moderator roles: " + settings.settings().moderatorRoles() + "; ask channels: "
                    + settings.settings().askChannels();
        }
        if (reply instanceof Reply.SourceChanged changed) {
            return changed.change().message();
        }
        if (reply instanceof Reply.Jobs jobs) {
            return jobs(jobs.jobs());
        }
        return help();
    }

    /** Who wrote a summary, as its heading says. */
    static String origin(Summary summary) {
        return summary.origin() == Summary.Origin.MODEL ? "written by a language model from the excerpts"
                : "quoted from the excerpts";
    }

    /**
     * A summary on its own: "In short (…): sentence [1] …", a sentence resting on captions alone labelled as one,
     * and its note on the next line.
     *
     * @param excerpts the excerpts the summary cites
     */
    public String summary(Summary summary, List<Excerpt> excerpts) {
        String text = String.join(" ", summary.sentences().stream().map(s -> Markdown.label(s, excerpts)
                .map(label -> label + ": ").orElse("") + s.rendered()).toList());
        return "In short (" + origin(summary) + "): " + text
                + summary.note().map(note -> "\n(" + note + ")").orElse("");
    }

    private String answer(Answer answer, Optional<Summary> summary) {
        if (!answer.found()) {
            return NOT_FOUND;
        }
        StringBuilder out = new StringBuilder();
        summary.ifPresent(s -> out.append(summary(s, answer.excerpts())).append("\n\n"));
        for (Excerpt excerpt : answer.excerpts()) {
            out.append('[').append(excerpt.number()).append("] ")
                    .append(Markdown.label(excerpt).map(label -> label + ": ").orElse(""))
                    .append('"').append(Markdown.quote(excerpt)).append("\"\n")
                    .append("    ").append(Markdown.citation(excerpt.citation())).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String sources(Reply.Sources reply) {
        if (reply.sources().isEmpty()) {
            return "There are no sources yet.";
        }
        StringBuilder out = new StringBuilder(reply.pages() > 1
                ? "Sources, page " + reply.page() + " of " + reply.pages() + ":\n"
                : reply.sources().size() + " sources:\n");
        for (SourceStatus s : reply.sources()) {
            out.append("- ").append(Markdown.escape(s.title())).append("\n    ").append(SourceLines.details(s));
            out.append('\n');
        }
        if (reply.page() < reply.pages()) {
            out.append("(sources list ").append(reply.page() + 1).append(" shows the next page)\n");
        }
        return out.toString().stripTrailing();
    }

    private static String jobs(footnote.corpus.SourceJobs jobs) {
        return String.join("\n", SourceLines.jobs(jobs));
    }

    private static String help() {
        return """
                Ask a question about the sources and I quote the passages that answer it, each with where it comes from.
                  <question>            ask (or: ask <question>)
                  sources [page]        list the sources I answer from
                  sources add <url>     add an article page or an RSS/Atom feed
                  sources upload <file> add a .txt, .md, .html or .pdf file
                  sources remove <id>   remove a source and its passages
                  sources refresh [id]  fetch a source (or all) again
                  sources status        what is running, queued or failed
                  help                  show this help""";
    }
}
