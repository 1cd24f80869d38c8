package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private final ServerSettings settings = ServerSettings.empty("1").withModeratorRole("mods", true);

    @Test
    void members_with_manage_server_or_a_named_role_are_moderators() {
        assertThat(settings.isModerator(new ServerSettings.Member("u", Set.of(), true))).isTrue();
        assertThat(settings.isModerator(new ServerSettings.Member("u", Set.of("mods", "x"), false))).isTrue();
        assertThat(settings.isModerator(new ServerSettings.Member("u", Set.of("x"), false))).isFalse();
    }

    @Test
    void roles_and_channels_are_added_and_removed() {
        ServerSettings changed = settings.withModeratorRole("mods", false).withAskChannel("c", true);

        assertThat(changed.moderatorRoles()).isEmpty();
        assertThat(changed.askChannels()).containsExactly("c");
        assertThat(changed.withAskChannel("c", false).askChannels()).isEmpty();
        assertThat(settings.askChannels()).isEmpty();
    }
}
