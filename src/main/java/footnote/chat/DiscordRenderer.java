package footnote.chat;

import footnote.corpus.SentenceSplitter;
import footnote.corpus.SourceStatus;
import java.util.List;

/**
 * Renders replies as Discord messages, always within Discord's limits: content of at most 2,000 characters, links
 * in angle brackets so that Discord shows no preview, Markdown never left open. An answer is laid out and
 * shortened by {@link DiscordAnswer}.
 */
public final class DiscordRenderer {

    /** Discord's limit on a message's content. */
    public static final int MAX_CONTENT = 2_000;

    private final int maxContent;
    private final DiscordAnswer answers;

    public DiscordRenderer() {
        this(MAX_CONTENT);
    }

    DiscordRenderer(int maxContent) {
        this.maxContent = maxContent;
        this.answers = new DiscordAnswer(maxContent, new SentenceSplitter());
    }

    public OutgoingMessage render(Reply reply) {
        if (reply instanceof Reply.Answered answered) {
            return new OutgoingMessage(answers.render(answered.answer(), answered.summary()), false);
        }
        if (reply instanceof Reply.Sources sources) {
            return new OutgoingMessage(sources(sources), false);
        }
        if (reply instanceof Reply.SourceChanged changed) {
            return new OutgoingMessage(fit(Markdown.escape(changed.change().message())), !changed.change().done());
        }
        if (reply instanceof Reply.Jobs jobs) {
            return new OutgoingMessage(fit(Markdown.escape(String.join("\n", SourceLines.jobs(jobs.jobs())))), true);
        }
        if (reply instanceof Reply.Settings settings) {
            return new OutgoingMessage(fit(settings(settings)), true);
        }
        if (reply instanceof Reply.Refusal refusal) {
            return new OutgoingMessage(fit(refusal.message()), true);
        }
        if (reply instanceof Reply.Failure failure) {
            return new OutgoingMessage(fit(failure.message()), true);
        }
        return new OutgoingMessage(HELP, true);
    }

    static final String HELP = """
            Ask me about the articles I know, and I answer with quotes from them, each with its source.
            • `/ask question:…` ask a question (or mention me with your question)
            • `/sources list` see which sources I answer from
            • `/sources add url:…`, `/sources upload file:…` moderators: add an article page, an RSS/Atom feed or a file
            • `/sources remove id:…`, `/sources refresh`, `/sources status` moderators: manage the sources
            • `/settings …` moderators: moderator roles, ask channels, the sources shipped with the bot
            • `/help` this message""";

    private String sources(Reply.Sources reply) {
        List<SourceStatus> sources = reply.sources();
        if (sources.isEmpty()) {
            return "There are no sources yet.";
        }
        StringBuilder out = new StringBuilder(reply.pages() > 1
                ? "**Sources, page " + reply.page() + " of " + reply.pages() + "**"
                : "**" + sources.size() + " sources**");
        String next = reply.page() < reply.pages() ? "\n`/sources list page:" + (reply.page() + 1) + "` for more" : "";
        for (SourceStatus s : sources) {
            String line = "\n• " + Markdown.escape(DiscordAnswer.clip(s.title())) + " — `" + s.source().id() + "` · "
                    + Markdown.escape(SourceLines.details(s).replaceFirst("^id \\S+ · ", ""));
            if (out.length() + line.length() + next.length() > maxContent) {
                break;
            }
            out.append(line);
        }
        return out.append(next).toString();
    }

    private static String settings(Reply.Settings reply) {
        ServerSettings s = reply.settings();
        String roles = s.moderatorRoles().isEmpty() ? "none (members with Manage Server are moderators)"
                : String.join(", ", s.moderatorRoles().stream().map(r -> "<@&" + r + ">").toList());
        String channels = s.askChannels().isEmpty() ? "none (ask with /ask or by mentioning me)"
                : String.join(", ", s.askChannels().stream().map(c -> "<#" + c + ">").toList());
        return reply.change().map(c -> c + "\n").orElse("") + "Moderator roles: " + roles
                + "\nChannels where every message is a question: " + channels
                + "\nSources shipped with the bot: " + (s.showBundled() ? "shown" : "hidden");
    }

    /** Text that must fit: cut at a word boundary with an ellipsis. */
    private String fit(String text) {
        return Shortening.cut(text, maxContent);
    }
}
