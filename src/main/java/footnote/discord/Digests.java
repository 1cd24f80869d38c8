package footnote.discord;

import footnote.chat.Context;
import footnote.chat.ServerSettings;
import footnote.chat.ServerSettingsStore;
import footnote.deployment.Leadership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly insights digest: the report of the last week, posted to the channel a server's moderators chose
 * ({@code /settings digest channel:…}), the first at once, then every seven days.
 *
 * <p>Once-only work. A process reaches only the channels of the servers on the shards it runs, so who posts
 * depends on how the deployment splits them: where processes split the shards (each shard in one process), each
 * posts for the servers of its own shards, which no other process can reach; where a process runs every shard, it
 * posts only while it holds the deployment's lease, as only the lease holder polls feeds, so that processes running
 * the same shards never both post. When a digest was last posted is kept with the server's settings, shared by
 * every process, and compared before posting; it is written before the post, so neither a restart nor a new lease
 * holder ever posts the same week twice: a crash between the two loses that week's digest instead.
 */
final class Digests implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final Duration WEEK = Duration.ofDays(7);
    /** How often to look for digests due: a digest comes at most this late. */
    static final Duration CHECK = Duration.ofHours(1);

    private final ServerSettingsStore settings;
    private final InsightPosts posts;
    private final Leadership leadership;
    private final boolean allShards;
    private final Clock clock;
    private final Supplier<List<DiscordApi>> apis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "footnote-digests");
        thread.setDaemon(true);
        return thread;
    });

    /** @param allShards whether this process runs every shard of the deployment */
    Digests(ServerSettingsStore settings, InsightPosts posts, Leadership leadership, boolean allShards, Clock clock,
            Supplier<List<DiscordApi>> apis) {
        this.settings = settings;
        this.posts = posts;
        this.leadership = leadership;
        this.allShards = allShards;
        this.clock = clock;
        this.apis = apis;
    }

    /** Looks for digests due a minute from now, then every {@link #CHECK}. */
    void start() {
        timer.scheduleAtFixedRate(this::postDueQuietly, 1, CHECK.toMinutes(), TimeUnit.MINUTES);
    }

    /** A scheduled round; a failure is logged, never thrown, which would end the schedule. */
    private void postDueQuietly() {
        try {
            postDue();
        } catch (RuntimeException e) {
            log.warn("Posting the weekly insights digests failed: {}", e.toString());
        }
    }

    /**
     * Posts every digest due that is this process's to post; waits for each post.
     *
     * @return how many were posted
     */
    int postDue() {
        if (allShards && !leadership.leads()) {
            return 0;
        }
        int posted = 0;
        for (DiscordApi api : apis.get()) {
            for (Server server : api.getServers()) {
                posted += postIfDue(server) ? 1 : 0;
            }
        }
        return posted;
    }

    private boolean postIfDue(Server server) {
        ServerSettings current = settings.get(server.getIdAsString());
        Instant now = clock.instant();
        if (current.digestChannel().isEmpty()
                || current.digestPosted().filter(last -> now.isBefore(last.plus(WEEK))).isPresent()) {
            return false;
        }
        Optional<ServerTextChannel> channel = current.digestChannel().flatMap(server::getTextChannelById);
        // Claimed first: from here on, no process posts this week's digest again, whatever happens next.
        settings.put(settings.get(server.getIdAsString()).withDigestPosted(now));
        if (channel.isEmpty()) {
            log.warn("The weekly insights digest of server {} goes to channel {}, which is gone; skipped this week",
                    server.getId(), current.digestChannel().get());
            return false;
        }
        try {
            posts.post(channel.get(), Context.server(current, true)).join();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not post the weekly insights digest of server {} to channel {}; next try in a week: {}",
                    server.getId(), channel.get().getId(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
