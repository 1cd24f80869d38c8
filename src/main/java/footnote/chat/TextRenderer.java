package footnote.chat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Renders replies as the terminal chat shows them: how the question was read when it was corrected, the summary,
 * the numbered quotes (a caption's labelled as one), then each article they come from once, with its file name
 * when it has no link.
 */
public final class TextRenderer {

    public static final String NOT_FOUND = Wording.NOT_FOUND;
    /** How to ask, in the terminal chat and in {@code ask}. */
    static final String HOW_TO_ASK = "Just ask your question.";

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

    /**
     * A summary on its own, and its note on the next line: a model's as "In short (written by …): sentence [1] …",
     * the extractive one, the answer quoted from an excerpt, as {@code In short: “…” [1]}. A sentence resting on
     * captions alone is labelled as one: {@code In short: Caption: “…” [1]}.
     *
     * @param excerpts the excerpts the summary cites
     */
    public String summary(Summary summary, List<Excerpt> excerpts) {
        boolean model = summary.origin() == Summary.Origin.MODEL;
        String text = String.join(" ", summary.sentences().stream()
                .map(s -> Markdown.label(s, excerpts).map(label -> label + ": ").orElse("")
                        + (model ? s.text() : "“" + s.text() + "”") + " " + s.citations())
                .toList());
        String heading = model ? "In short (" + Wording.BY_MODEL + "): " : "In short: ";
        return heading + text + summary.note().map(note -> "\n(" + note + ")").orElse("");
    }

    /** What the answer's outcome says in plain words: the decline or the small talk; empty for found excerpts. */
    static Optional<String> outcomeLine(Answer answer) {
        if (answer.outcome() instanceof Answer.NotFound notFound) {
            return Optional.of(Wording.decline(notFound.unknownTerms(), UnaryOperator.identity()));
        }
        if (answer.outcome() instanceof Answer.SmallTalk talk) {
            return Optional.of(Wording.smallTalk(talk.kind(), HOW_TO_ASK));
        }
        return Optional.empty();
    }

    private String answer(Answer answer, Optional<Summary> summary) {
        if (answer.outcome() instanceof Answer.SmallTalk) {
            return outcomeLine(answer).orElseThrow();
        }
        StringBuilder out = new StringBuilder();
        answer.readAs().ifPresent(r -> out.append(Wording.searchedFor(r, UnaryOperator.identity())).append('\n'));
        Optional<String> decline = outcomeLine(answer);
        if (decline.isPresent()) {
            return out.append(decline.get()).toString();
        }
        summary.ifPresent(s -> out.append(summary(s, answer.excerpts())).append("\n\n"));
        for (Excerpt excerpt : answer.excerpts()) {
            out.append('[').append(excerpt.number()).append("] ")
                    .append(Markdown.label(excerpt).map(label -> label + ": ").orElse(""))
                    .append('"').append(Markdown.quote(excerpt)).append("\"\n");
        }
        out.append('\n');
        for (CitedArticle article : CitedArticle.of(answer.excerpts())) {
            out.append(article.cites()).append(' ').append(Markdown.citation(article.citation())).append('\n');
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
