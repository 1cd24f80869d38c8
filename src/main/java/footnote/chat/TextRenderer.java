package footnote.chat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Renders replies as the terminal chat shows them: how the question was read when it was corrected, the summary,
 * the numbered quotes (a caption's labelled as one), then each article they come from once, with its file name
 * when it has no link.
 */
public final class TextRenderer implements Reply.Visitor<String> {

    public static final String NOT_FOUND = Wording.NOT_FOUND;
    /** How to ask, in the terminal chat and in {@code ask}. */
    static final String HOW_TO_ASK = "Just ask your question.";

    private final List<String> moreHelp;

    public TextRenderer() {
        this(List.of());
    }

    /** @param moreHelp lines the help ends with: commands of the terminal chat's own, which {@code ask} lacks */
    public TextRenderer(List<String> moreHelp) {
        this.moreHelp = List.copyOf(moreHelp);
    }

    public String render(Reply reply) {
        return reply.accept(this);
    }

    @Override
    public String answered(Reply.Answered reply) {
        return answer(reply.answer(), reply.summary(), Wording.reading(reply, UnaryOperator.identity()));
    }

    @Override
    public String help(Reply.Help reply) {
        return HELP + moreHelp.stream().map(line -> "\n" + line).collect(Collectors.joining());
    }

    @Override
    public String sources(Reply.Sources reply) {
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

    @Override
    public String sourceChanged(Reply.SourceChanged reply) {
        return SourceChangeWording.words(reply.change());
    }

    @Override
    public String jobs(Reply.Jobs reply) {
        return String.join("\n", SourceLines.jobs(reply.jobs()));
    }

    /** Settings belong to Discord servers; the terminal only ever lists them (its own commands are refused). */
    @Override
    public String settings(Reply.Settings reply) {
        return "Moderator roles: " + reply.settings().moderatorRoles() + "; ask channels: "
                + reply.settings().askChannels() + "; answers " + Wording.answersIn(reply.settings().answersIn());
    }

    @Override
    public String insights(Reply.Insights reply) {
        return InsightLines.text(reply.report());
    }

    @Override
    public String insightsForgotten(Reply.InsightsForgotten reply) {
        return InsightLines.forgotten(reply.deleted(), true);
    }

    @Override
    public String insightsOff(Reply.InsightsOff reply) {
        return InsightLines.OFF_FOR_OPERATOR;
    }

    @Override
    public String refusal(Reply.Refusal reply) {
        return reply.message();
    }

    @Override
    public String failure(Reply.Failure reply) {
        return reply.message();
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

    private String answer(Answer answer, Optional<Summary> summary, Optional<String> reading) {
        if (answer.outcome() instanceof Answer.SmallTalk) {
            return outcomeLine(answer).orElseThrow();
        }
        StringBuilder out = new StringBuilder();
        reading.ifPresent(line -> out.append(line).append('\n'));
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

    private static final String HELP = """
            Ask a question about the sources and I quote the passages that answer it, each with where it comes from.
              <question>            ask (or: ask <question>)
              sources [page]        list the sources I answer from
              sources add <url>     add an article page or an RSS/Atom feed
              sources upload <file> add a .txt, .md, .html or .pdf file
              sources remove <id>   remove a source and its passages
              sources refresh [id]  fetch a source (or all) again
              sources status        what is running, queued or failed
              insights [7|30|90]    what was asked over the last days, what went unanswered, votes
              insights forget       delete the recorded questions, votes and comments
              help                  show this help""";
}
