package footnote.discord;

import footnote.chat.SourceLines;
import footnote.corpus.Progress;
import footnote.corpus.SourceActivity;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;

/**
 * Shows a long job's progress by editing the deferred reply, at most once every {@value #EVERY_MILLIS} ms so as
 * not to run into Discord's rate limits, then edits in the result. Edits are chained: a late progress edit can
 * never overwrite the result.
 */
final class ProgressMessage implements Progress {

    static final long EVERY_MILLIS = 2_000;

    private final InteractionOriginalResponseUpdater updater;
    private final Clock clock;
    private CompletableFuture<?> edits = CompletableFuture.completedFuture(null);
    private long lastEdit;
    private boolean finished;

    ProgressMessage(InteractionOriginalResponseUpdater updater, Clock clock) {
        this.updater = updater;
        this.clock = clock;
    }

    @Override
    public synchronized void report(SourceActivity activity, int done, int total) {
        String step = SourceLines.activity(activity);
        long now = clock.millis();
        if (finished || now - lastEdit < EVERY_MILLIS) {
            return;
        }
        lastEdit = now;
        String text = "⏳ " + step + (total > 0 ? ": " + done + " of " + total : "…");
        edits = edits.thenCompose(ignored -> edit(text)).exceptionally(e -> null);
    }

    /** Edits in the final message once every progress edit before it is done. */
    synchronized CompletableFuture<?> finish(OutgoingMessage message) {
        finished = true;
        edits = edits.thenCompose(ignored -> edit(message.content()));
        return edits;
    }

    private CompletableFuture<?> edit(String content) {
        synchronized (updater) {
            return updater.setContent(content).setAllowedMentions(Outgoing.NO_PINGS)
                    .setFlags(MessageFlag.SUPPRESS_EMBEDS).update();
        }
    }
}
