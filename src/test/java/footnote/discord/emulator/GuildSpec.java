package footnote.discord.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted guild: roles, text channels and members. Created by {@link DiscordEmulator#guild(long, String, long)}.
 *
 * <p>Before the bot logs in, everything is sent in the guild's {@code GUILD_CREATE}. After login, each change is
 * sent as the gateway event Discord would send: {@code GUILD_ROLE_CREATE}/{@code GUILD_ROLE_UPDATE},
 * {@code CHANNEL_CREATE}, and {@code GUILD_MEMBER_ADD}/{@code GUILD_MEMBER_UPDATE} (the member events only if the
 * bot asked for the privileged {@code GUILD_MEMBERS} intent, as on Discord).
 *
 * <p>The {@code @everyone} role (id equal to the guild id) exists from the start with the permissions Discord gives
 * {@code @everyone} in a new guild ({@link DiscordEmulator#DEFAULT_EVERYONE_PERMISSIONS}); {@code role(guildId, ...)}
 * changes them (without {@link DiscordEmulator#CREATE_PUBLIC_THREADS}, say, the bot may open no thread). The bot is a
 * member of every guild, with no roles; {@code member(emulator.botUserId(), ...)} gives it roles. Threads exist once
 * the bot starts one from a message; members then post in them like in any channel. Methods are thread-safe.
 */
public final class GuildSpec {

    record Role(long id, String name, long permissions, int position) {
    }

    record Channel(long id, String name, int position) {
    }

    record Member(long userId, List<Long> roleIds, String joinedAt) {
    }

    /**
     * A public thread (type 11) started from a message of a text channel: as on Discord, its id is the message's.
     *
     * @param autoArchiveDuration minutes without activity before Discord archives it
     */
    record ThreadChannel(long id, long parentId, long ownerId, String name, int autoArchiveDuration,
                         String createdAt) {
    }

    private final DiscordEmulator emulator;
    private final long id;
    private final String name;
    private final long ownerId;
    /** Guarded by {@code emulator.lock}. */
    private final Map<Long, Role> roles = new LinkedHashMap<>();
    private final Map<Long, Channel> channels = new LinkedHashMap<>();
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Map<Long, ThreadChannel> threads = new LinkedHashMap<>();

    GuildSpec(DiscordEmulator emulator, long id, String name, long ownerId) {
        this.emulator = emulator;
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.ownerId = ownerId;
        roles.put(id, new Role(id, "@everyone", DiscordEmulator.DEFAULT_EVERYONE_PERMISSIONS, 0));
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long ownerId() {
        return ownerId;
    }

    /**
     * Adds a role, or changes it if the id exists ({@code id == guild id} is {@code @everyone}).
     *
     * @param permissions Discord permission bits, e.g. {@code 1L << 5} for MANAGE_GUILD
     */
    public GuildSpec role(long roleId, String roleName, long permissions) {
        synchronized (emulator.lock) {
            Role old = roles.get(roleId);
            Role role = new Role(roleId, roleId == id ? "@everyone" : Objects.requireNonNull(roleName, "roleName"),
                    permissions, old != null ? old.position() : roles.size());
            roles.put(roleId, role);
            emulator.onRole(this, role, old == null);
        }
        return this;
    }

    /** Adds a text channel (type 0) that everyone can see. */
    public GuildSpec textChannel(long channelId, String channelName) {
        synchronized (emulator.lock) {
            if (channels.containsKey(channelId)) {
                throw new IllegalArgumentException("channel " + channelId + " exists already");
            }
            emulator.claimChannel(channelId, id);
            Channel channel = new Channel(channelId, Objects.requireNonNull(channelName, "channelName"),
                    channels.size());
            channels.put(channelId, channel);
            emulator.onChannel(this, channel);
        }
        return this;
    }

    /**
     * Adds a member (or changes its roles). The user is known to the emulator by this username from now on.
     *
     * @param roleIds roles of this guild; {@code @everyone} is implied
     */
    public GuildSpec member(long userId, String username, long... roleIds) {
        synchronized (emulator.lock) {
            List<Long> ids = new ArrayList<>();
            for (long roleId : roleIds) {
                if (!roles.containsKey(roleId)) {
                    throw new IllegalArgumentException("role " + roleId + " is not a role of guild " + id
                            + "; add it with role(...) first");
                }
                if (roleId != id && !ids.contains(roleId)) {
                    ids.add(roleId);
                }
            }
            Member old = members.get(userId);
            Member member = new Member(userId, List.copyOf(ids),
                    old != null ? old.joinedAt() : DiscordEmulator.timestamp());
            emulator.registerUser(userId, Objects.requireNonNull(username, "username"));
            members.put(userId, member);
            emulator.onMember(this, member, old == null);
        }
        return this;
    }

    // ---- package-private views, to be read under emulator.lock ----

    Map<Long, Role> roles() {
        return roles;
    }

    Map<Long, Channel> channels() {
        return channels;
    }

    Map<Long, Member> members() {
        return members;
    }

    /** The active threads, by id; created by the bot through {@code POST .../messages/{id}/threads}. */
    Map<Long, ThreadChannel> threads() {
        return threads;
    }

    /** Whether members can post in this channel: one of the text channels, or a thread in one. */
    boolean hasChannel(long channelId) {
        return channels.containsKey(channelId) || threads.containsKey(channelId);
    }

    /** Adds the bot as a member without events (done once when the guild is created). */
    void addBotMember(long botUserId) {
        members.put(botUserId, new Member(botUserId, List.of(), DiscordEmulator.timestamp()));
    }

    /** The member's permissions: owner and ADMINISTRATOR get all; otherwise {@code @everyone} plus its roles. */
    long permissionsOf(long userId) {
        if (userId == ownerId) {
            return DiscordEmulator.ALL_PERMISSIONS;
        }
        long perms = roles.get(id).permissions();
        Member member = members.get(userId);
        if (member != null) {
            for (long roleId : member.roleIds()) {
                Role role = roles.get(roleId);
                if (role != null) {
                    perms |= role.permissions();
                }
            }
        }
        if ((perms & DiscordEmulator.ADMINISTRATOR) != 0) {
            return DiscordEmulator.ALL_PERMISSIONS;
        }
        return perms;
    }

    @Override
    public String toString() {
        synchronized (emulator.lock) {
            return "GuildSpec[" + id + " '" + name + "', roles=" + roles.keySet() + ", channels=" + channels.keySet()
                    + ", members=" + members.keySet() + "]";
        }
    }
}
