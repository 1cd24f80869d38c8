package footnote.testing;

import static footnote.discord.emulator.DiscordEmulator.MANAGE_GUILD;

import footnote.discord.emulator.DiscordEmulator;
import footnote.discord.emulator.GuildSpec;

/**
 * The people, servers, channels and roles the Discord tests meet in the emulator, with the same ids in every test,
 * and the two servers most tests start from. A test adds what only it needs to the {@link GuildSpec}s returned.
 */
public final class DiscordServers {

    public static final long ALICE = 10;
    public static final long BOB = 11;
    public static final long CAROL = 12;
    public static final long DAVE = 13;

    public static final long GUILD = 100;
    public static final long OTHER_GUILD = 101;

    public static final long GENERAL = 200;
    public static final long ASK_HERE = 201;
    public static final long OTHER_CHANNEL = 210;

    public static final long MODS_ROLE = 300;
    public static final long MANAGERS_ROLE = 301;
    public static final long OTHER_MANAGERS_ROLE = 311;

    private DiscordServers() {}

    /** The test server: #general, alice (a member) and bob (who has Manage Server through the Managers role). */
    public static GuildSpec testServer(DiscordEmulator emulator) {
        return emulator.guild(GUILD, "Footnote test server", 1)
                .role(MANAGERS_ROLE, "Managers", MANAGE_GUILD)
                .textChannel(GENERAL, "general")
                .member(ALICE, "alice")
                .member(BOB, "bob", MANAGERS_ROLE);
    }

    /** Another server, with its own #general, where alice is a member too. */
    public static GuildSpec otherServer(DiscordEmulator emulator) {
        return emulator.guild(OTHER_GUILD, "Another server", 2)
                .textChannel(OTHER_CHANNEL, "general")
                .member(ALICE, "alice");
    }
}
