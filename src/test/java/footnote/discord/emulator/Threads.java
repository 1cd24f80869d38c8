package footnote.discord.emulator;

import static footnote.discord.emulator.DiscordEmulator.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.discord.emulator.DiscordApiSpec.Match;
import footnote.discord.emulator.RestApi.Reply;
import java.util.Optional;
import java.util.Set;

/**
 * Threads started from a message ({@code POST /channels/{channel.id}/messages/{message.id}/threads}, Discord's
 * "Start Thread from Message"), with Discord's rules beyond the schema the request was already checked against
 * (name of 1 to 100 characters, an auto-archive duration of 60, 1440, 4320 or 10080 minutes): the channel must be
 * a guild text channel (no thread in a thread, none in a direct message), the message must be in it and have no
 * thread yet, and the bot needs View Channel and Create Public Threads. A new thread is a public thread (type 11)
 * whose id is the message's and whose owner is the bot; the bot gets {@code THREAD_CREATE} for it. Call under
 * the emulator's lock.
 */
final class Threads {

    private static final int PUBLIC_THREAD = 11;
    private static final int HAS_THREAD = 1 << 5;
    /** A text channel's default, used when the request names no duration. */
    private static final int DEFAULT_ARCHIVE_MINUTES = 1440;
    private static final Set<Integer> ARCHIVE_MINUTES = Set.of(60, 1440, 4320, 10080);

    private final DiscordEmulator emulator;

    Threads(DiscordEmulator emulator) {
        this.emulator = emulator;
    }

    Reply startFromMessage(Match m, JsonNode request) {
        long channelId = parseId(m.param("channel_id"));
        long messageId = parseId(m.param("message_id"));
        if (emulator.directChannels.containsKey(channelId)) {
            return RestApi.error(400, 50024, "Cannot execute action on this channel type",
                    "a thread in a direct-message channel: only guild text channels have threads");
        }
        Optional<GuildSpec> found = emulator.guildOfChannel(channelId);
        if (found.isEmpty()) {
            return RestApi.error(404, 10003, "Unknown Channel", "channel " + channelId + " does not exist");
        }
        GuildSpec guild = found.get();
        if (guild.threads().containsKey(channelId)) {
            return RestApi.error(400, 50024, "Cannot execute action on this channel type",
                    "a thread started in thread " + channelId + ": threads cannot hold threads");
        }
        ObjectNode message = emulator.messages.get(messageId);
        if (message == null || message.path("channel_id").asLong() != channelId) {
            return RestApi.error(404, 10008, "Unknown Message", "message " + messageId + " is not in channel "
                    + channelId);
        }
        long perms = guild.permissionsOf(emulator.botUserId());
        if ((perms & DiscordEmulator.VIEW_CHANNEL) == 0) {
            return RestApi.error(403, 50001, "Missing Access", "the bot cannot see channel " + channelId);
        }
        if ((perms & DiscordEmulator.CREATE_PUBLIC_THREADS) == 0) {
            return RestApi.error(403, 50013, "Missing Permissions", "the bot may not create public threads in "
                    + channelId + " (CREATE_PUBLIC_THREADS); check the permission before asking");
        }
        if (guild.threads().containsKey(messageId)) {
            return RestApi.error(400, 160004, "A thread has already been created for this message",
                    "a second thread on message " + messageId);
        }
        String name = request.path("name").asText("").strip();
        if (name.isEmpty()) {
            return RestApi.error(400, 50035, "Invalid Form Body", "a thread name of white space only");
        }
        JsonNode duration = request.path("auto_archive_duration");
        int minutes = duration.isNumber() ? duration.asInt() : DEFAULT_ARCHIVE_MINUTES;
        if (!ARCHIVE_MINUTES.contains(minutes)) {
            return RestApi.error(400, 50035, "Invalid Form Body", "auto_archive_duration " + minutes
                    + " is none of " + ARCHIVE_MINUTES);
        }
        return new Reply(201, start(guild, channelId, message, name, minutes), null);
    }

    private ObjectNode start(GuildSpec guild, long channelId, ObjectNode message, String name, int minutes) {
        long threadId = message.path("id").asLong();
        emulator.claimChannel(threadId, guild.id());
        GuildSpec.ThreadChannel thread = new GuildSpec.ThreadChannel(threadId, channelId, emulator.botUserId(), name,
                minutes, DiscordEmulator.timestamp());
        guild.threads().put(threadId, thread);
        message.put("flags", message.path("flags").asInt() | HAS_THREAD);
        message.set("thread", json(guild, thread, false));
        ObjectNode created = json(guild, thread, true);
        created.put("newly_created", true);
        emulator.gateway().dispatch(guild.id(), "THREAD_CREATE", created);
        emulator.lock.notifyAll();
        return json(guild, thread, true);
    }

    /**
     * The thread as Discord describes it (the fields Javacord reads: {@code parent_id}, {@code owner_id}, the
     * counts and {@code thread_metadata}).
     *
     * @param withMember with the bot's own thread member, as the answer to its request and THREAD_CREATE carry
     */
    ObjectNode json(GuildSpec guild, GuildSpec.ThreadChannel thread, boolean withMember) {
        ObjectNode t = emulator.json.createObjectNode();
        t.put("id", id(thread.id()));
        t.put("type", PUBLIC_THREAD);
        t.put("guild_id", id(guild.id()));
        t.put("name", thread.name());
        t.put("parent_id", id(thread.parentId()));
        t.put("owner_id", id(thread.ownerId()));
        t.putNull("last_message_id");
        t.put("flags", 0);
        t.put("rate_limit_per_user", 0);
        long sent = emulator.messages.values().stream()
                .filter(m -> m.path("channel_id").asLong() == thread.id()).count();
        t.put("message_count", sent);
        t.put("total_message_sent", sent);
        t.put("member_count", 1);
        ObjectNode metadata = t.putObject("thread_metadata");
        metadata.put("archived", false);
        metadata.put("archive_timestamp", thread.createdAt());
        metadata.put("auto_archive_duration", thread.autoArchiveDuration());
        metadata.put("locked", false);
        metadata.put("create_timestamp", thread.createdAt());
        if (withMember) {
            t.putObject("member").put("id", id(thread.id())).put("user_id", id(emulator.botUserId()))
                    .put("join_timestamp", thread.createdAt()).put("flags", 1);
        }
        return t;
    }

    private static long parseId(String value) {
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
