package footnote.chat;

import footnote.answer.Answer;
import footnote.answer.Excerpt;
import footnote.corpus.SourceStatus;

/** Renders replies as the terminal chat shows them: numbered quotes, each with its citation indented below. */
public final class TextRenderer {

    public static final String NOT_FOUND = "I couldn't find that in the sources.";

    public String render(Reply reply) {
        if (reply instanceof Reply.Answered answered) {
            return answer(answered.answer());
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
        return help();
    }

    private static String answer(Answer answer) {
        if (!answer.found()) {
            return NOT_FOUND;
        }
        StringBuilder out = new StringBuilder();
        for (Excerpt excerpt : answer.excerpts()) {
            out.append('[').append(excerpt.number()).append("] \"").append(Markdown.quote(excerpt)).append("\"\n")
                    .append("    ").append(Markdown.citation(excerpt.citation())).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String sources(Reply.Sources reply) {
        if (reply.sources().isEmpty()) {
            return "There are no sources yet.";
        }
        StringBuilder out = new StringBuilder(reply.sources().size() + " sources:\n");
        for (SourceStatus s : reply.sources()) {
            out.append("- ").append(Markdown.escape(s.title())).append("\n    id ").append(s.source().id())
                    .append(" · ").append(s.source().kind().label())
                    .append(" · ").append(s.passages()).append(s.passages() == 1 ? " passage" : " passages");
            s.problem().ifPresent(p -> out.append(" · last read failed: ").append(p));
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String help() {
        return """
                Ask a question about the sources and I quote the passages that answer it, each with where it comes from.
                  <question>     ask (or: ask <question>)
                  sources        list the sources I answer from
                  help           show this help""";
    }
}
