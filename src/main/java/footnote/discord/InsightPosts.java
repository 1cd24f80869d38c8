package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.InsightLines;
import footnote.chat.Reply;
import footnote.corpus.Progress;
import footnote.insights.InsightChart;
import footnote.insights.InsightReport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights report in Discord, worded by {@link DiscordRenderer}, with its chart as a PNG attachment when one
 * is drawn: to the moderator who asked with {@code /insights show} (for them alone, since it shows members'
 * questions; deferred, since grouping the questions by meaning takes a moment), and to a server's digest channel.
 */
final class InsightPosts {

    private static final Logger log = LoggerFactory.getLogger(InsightPosts.class);
    /** The chart's file name in Discord. */
    static final String CHART_FILE = "insights.png";

    private final ChatService chat;
    private final Answering answering;
    private final DiscordRenderer renderer;

    InsightPosts(ChatService chat, Answering answering, DiscordRenderer renderer) {
        this.chat = chat;
        this.answering = answering;
        this.renderer = renderer;
    }

    /** Answers {@code /insights show}: acknowledged at once, privately; the report follows from the bot's pool. */
    void answer(SlashCommandInteraction interaction, Command.Insights command, Context context) {
        interaction.respondLater(true).thenAccept(updater -> answering.submit(() -> { }, () -> {
            Reply reply = chat.perform(command, context, Progress.NONE).join();
            updater.setContent(renderer.render(reply).content()).setAllowedMentions(Outgoing.NO_PINGS);
            chart(reply).ifPresent(png -> updater.addAttachment(png, CHART_FILE));
            updater.update().join();
        })).exceptionally(e -> {
            log.warn("Could not answer /insights in server {}: {}", context.serverId().orElse("?"), e.toString());
            return null;
        });
    }

    /** Posts the report of the last week to a channel, as a moderator would read it: the weekly digest. */
    CompletableFuture<Message> post(TextChannel channel, Context context) {
        return chat.perform(new Command.Insights(), context, Progress.NONE).thenCompose(reply -> {
            MessageBuilder message = new MessageBuilder().setContent(renderer.render(reply).content())
                    .setAllowedMentions(Outgoing.NO_PINGS);
            chart(reply).ifPresent(png -> message.addAttachment(png, CHART_FILE));
            return message.send(channel);
        });
    }

    /**
     * The report's chart, when the reply is a report with questions to draw. A chart that cannot be drawn (a JVM
     * without fonts, say) costs the picture, never the report.
     */
    static Optional<byte[]> chart(Reply reply) {
        if (!(reply instanceof Reply.Insights insights) || insights.report().asked() == 0) {
            return Optional.empty();
        }
        InsightReport report = insights.report();
        try {
            return Optional.of(InsightChart.png(report, InsightLines.chartLabels(report)));
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not draw the insights chart of server {}: {}", report.server(), e.toString());
            return Optional.empty();
        }
    }
}
