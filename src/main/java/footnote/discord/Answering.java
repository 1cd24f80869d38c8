package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Command;
import footnote.chat.Context;
import footnote.chat.Reply;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.corpus.Progress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every way of asking shares, slash command or message: who asks (their context in the server), answering on
 * the bot's own bounded pool rather than on Javacord's event threads, and delivering an answer whose model summary
 * may come later.
 */
final class Answering {

    private static final Logger log = LoggerFactory.getLogger(Answering.class);

    private final ChatService chat;
    private final ServerSettingsStore settings;
    private final ExecutorService pool;

    Answering(ChatService chat, ServerSettingsStore settings, ExecutorService pool) {
        this.chat = chat;
        this.settings = settings;
        this.pool = pool;
    }

    /** A member of a server, asking: a moderator as the server's settings say. In no conversation yet. */
    Context context(Server server, User user) {
        ServerSettings serverSettings = settings.get(server.getIdAsString());
        return Context.server(serverSettings, serverSettings.isModerator(new ServerSettings.Member(
                user.getIdAsString(),
                server.getRoles(user).stream().map(Role::getIdAsString).collect(Collectors.toSet()),
                server.hasPermission(user, PermissionType.MANAGE_SERVER))));
    }

    /** Rate limits count per member of a server. */
    static String member(Server server, User user) {
        return server.getIdAsString() + "/" + user.getIdAsString();
    }

    /** Runs an answer on the bot's pool; the throttle's permit is released whatever happens. */
    void submit(Runnable release, Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Failed to send an answer", e);
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            log.warn("Dropped a question: the answering queue is full or shutting down");
        }
    }

    /**
     * Answers on the calling thread and delivers the excerpts at once. A summary that is ready at once (extractive)
     * goes in the same message; a model's is edited in when it arrives, so a slow model never delays the quotes.
     *
     * @param deliver sends the first rendering, or edits it into the later one
     * @return the first rendering's reply, once delivered
     */
    Reply answer(Command command, Context context, Function<Reply, CompletableFuture<?>> deliver, String where) {
        Reply answer = chat.perform(command, context, Progress.NONE).join();
        CompletableFuture<Reply> summarized = chat.summarize(answer);
        if (summarized.isDone()) {
            Reply whole = summarized.join();
            deliver.apply(whole).join();
            return whole;
        }
        deliver.apply(answer).join();
        summarized.thenCompose(full -> deliver.apply(full)).exceptionally(e -> {
            log.warn("Could not edit the summary into {}: {}", where, e.toString());
            return null;
        });
        return answer;
    }

    /** Stops taking questions and waits a little for those being answered. */
    void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
