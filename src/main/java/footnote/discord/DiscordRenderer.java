package footnote.discord;

import footnote.chat.InsightLines;
import footnote.chat.Markdown;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.chat.Shortening;
import footnote.chat.SourceChangeWording;
import footnote.chat.SourceLines;
import footnote.chat.Wording;
import footnote.corpus.SentenceSplitter;
import footnote.corpus.SourceStatus;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import java.util.List;

/**
 * Renders replies as Discord messages, always within Discord's limits: content of at most 2,000 characters, links
 * in angle brackets so that Discord shows no preview, Markdown never left open. An answer is laid out and
 * shortened by {@link DiscordAnswer}.
 */
public final class DiscordRenderer implements Reply.Visitor<OutgoingMessage> {

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
        return reply.accept(this);
    }

    @Override
    public OutgoingMessage answered(Reply.Answered reply) {
        return new OutgoingMessage(answers.render(reply.answer(), reply.summary(),
                Wording.reading(reply, Markdown::escape)), false);
    }

    @Override
    public OutgoingMessage help(Reply.Help reply) {
        return new OutgoingMessage(HELP, true);
    }

    @Override
    public OutgoingMessage sources(Reply.Sources reply) {
        return new OutgoingMessage(sourceList(reply), false);
    }

    /** A change that was made is for the channel to see; one that was not, for the asker alone. */
    @Override
    public OutgoingMessage sourceChanged(Reply.SourceChanged reply) {
        String words = SourceChangeWording.words(reply.change());
        return new OutgoingMessage(fit(Markdown.escape(words)), !reply.change().done());
    }

    @Override
    public OutgoingMessage jobs(Reply.Jobs reply) {
        return new OutgoingMessage(fit(Markdown.escape(String.join("\n", SourceLines.jobs(reply.jobs())))), true);
    }

    @Override
    public OutgoingMessage settings(Reply.Settings reply) {
        return new OutgoingMessage(fit(settingsText(reply)), true);
    }

    /** For the moderator alone: it shows what members asked. */
    @Override
    public OutgoingMessage insights(Reply.Insights reply) {
        return new OutgoingMessage(DiscordInsights.text(reply.report(), maxContent), true);
    }

    @Override
    public OutgoingMessage insightsForgotten(Reply.InsightsForgotten reply) {
        return new OutgoingMessage(fit(InsightLines.forgotten(reply.deleted(), false)), true);
    }

    @Override
    public OutgoingMessage insightsOff(Reply.InsightsOff reply) {
        return new OutgoingMessage(fit(InsightLines.OFF_FOR_MODERATORS), true);
    }

    /**
     * What a member who pressed a feedback button reads, alone: the chat's wording, except that an answer whose
     * record is gone says its buttons no longer work, since the buttons stay on the message.
     */
    OutgoingMessage vote(VoteResult result, Vote vote) {
        return new OutgoingMessage(result == VoteResult.EXPIRED ? EXPIRED : InsightLines.vote(result, vote), true);
    }

    /**
     * What a member who submitted the "what was wrong or missing?" modal reads, alone; {@code commented} false: they
     * left it empty, and the vote taken at the press is all there is.
     */
    OutgoingMessage comment(VoteResult result, boolean commented) {
        if (result == VoteResult.EXPIRED) {
            return new OutgoingMessage(EXPIRED, true);
        }
        return new OutgoingMessage(commented ? InsightLines.comment(result)
                : InsightLines.vote(VoteResult.RECORDED, Vote.NOT_HELPFUL), true);
    }

    static final String EXPIRED = "This answer's record has expired, so the buttons no longer work.";

    @Override
    public OutgoingMessage refusal(Reply.Refusal reply) {
        return new OutgoingMessage(fit(reply.message()), true);
    }

    @Override
    public OutgoingMessage failure(Reply.Failure reply) {
        return new OutgoingMessage(fit(reply.message()), true);
    }

    static final String HELP = """
            Ask me about the articles I know, and I answer with quotes from them, each with its source.
            • `/ask question:…` ask a question (or mention me with your question)
            • follow-ups: write in the thread I open on a question, or reply to my answer
            • `/sources list` see which sources I answer from
            • `/sources add url:…`, `/sources upload file:…` moderators: add an article page, an RSS/Atom feed or a file
            • `/sources remove id:…`, `/sources refresh`, `/sources status` moderators: manage the sources
            • 👍 / 👎 under an answer: tell the moderators whether it helped (only you see your vote)
            • `/settings …` moderators: moderator roles, ask channels, the sources shipped with the bot, threads or replies
            • `/insights show`, `/insights forget` moderators: what members asked and how the answers served them
            • `/help` this message""";

    private String sourceList(Reply.Sources reply) {
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

    /** Roles and channels as mentions, which Discord shows as their names; allowed mentions keep them silent. */
    private static String settingsText(Reply.Settings reply) {
        ServerSettings s = reply.settings();
        String roles = s.moderatorRoles().isEmpty() ? "none (members with Manage Server are moderators)"
                : String.join(", ", s.moderatorRoles().stream().map(DiscordRenderer::role).toList());
        String channels = s.askChannels().isEmpty() ? "none (ask with /ask or by mentioning me)"
                : String.join(", ", s.askChannels().stream().map(DiscordRenderer::channel).toList());
        return reply.change().map(c -> Wording.settingChange(c, DiscordRenderer::role, DiscordRenderer::channel)
                + "\n").orElse("") + "Moderator roles: " + roles
                + "\nChannels where every message is a question: " + channels
                + "\nSources shipped with the bot: " + (s.showBundled() ? "shown" : "hidden")
                + "\nAnswers " + Wording.answersIn(s.answersIn())
                + "\nWeekly insights digest: " + Wording.digest(s.digestChannel(), DiscordRenderer::channel);
    }

    private static String role(String id) {
        return "<@&" + id + ">";
    }

    private static String channel(String id) {
        return "<#" + id + ">";
    }

    /** Text that must fit: cut at a word boundary with an ellipsis. */
    private String fit(String text) {
        return Shortening.cut(text, maxContent);
    }
}
