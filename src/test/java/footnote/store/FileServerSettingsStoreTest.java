package footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.chat.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileServerSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void settings_survive_a_restart_and_each_server_has_its_own() {
        new FileServerSettingsStore(dir).put(new ServerSettings("111", Set.of("9"), Set.of("5", "6"), false, ServerSettings.AnswersIn.REPLY));

        FileServerSettingsStore reopened = new FileServerSettingsStore(dir);

        assertThat(reopened.get("111")).isEqualTo(new ServerSettings("111", Set.of("9"), Set.of("5", "6"), false, ServerSettings.AnswersIn.REPLY));
        assertThat(reopened.get("222")).isEqualTo(ServerSettings.empty("222"));
    }

    @Test
    void settings_written_before_answers_had_a_place_read_as_threads() throws IOException {
        Files.writeString(dir.resolve("111.json"), """
                {"moderatorRoles": ["9"], "askChannels": ["5"], "showBundled": false}""");

        ServerSettings old = new FileServerSettingsStore(dir).get("111");

        assertThat(old).isEqualTo(new ServerSettings("111", Set.of("9"), Set.of("5"), false,
                ServerSettings.AnswersIn.THREAD));
    }

    @Test
    void where_answers_go_is_kept_and_an_unknown_place_is_damage_not_a_default() throws IOException {
        new FileServerSettingsStore(dir).put(ServerSettings.empty("111").withAnswersIn(ServerSettings.AnswersIn.REPLY));
        Files.writeString(dir.resolve("222.json"), """
                {"moderatorRoles": [], "askChannels": [], "showBundled": true, "answersIn": "carrier-pigeon"}""");

        assertThat(Files.readString(dir.resolve("111.json"))).contains("\"answersIn\" : \"reply\"");
        assertThat(new FileServerSettingsStore(dir).get("111").answersIn()).isEqualTo(ServerSettings.AnswersIn.REPLY);
        assertThatThrownBy(() -> new FileServerSettingsStore(dir).get("222"))
                .hasRootCauseMessage("unknown answersIn 'carrier-pigeon'");
    }

    @Test
    void the_digest_channel_and_when_it_was_last_posted_survive_a_restart_and_old_files_have_no_digest()
            throws IOException {
        Instant posted = Instant.parse("2025-03-10T12:00:00Z");
        new FileServerSettingsStore(dir).put(ServerSettings.empty("111").withDigestChannel(Optional.of("77"))
                .withDigestPosted(posted));
        Files.writeString(dir.resolve("222.json"), """
                {"moderatorRoles": [], "askChannels": [], "showBundled": true, "answersIn": "thread"}""");

        FileServerSettingsStore reopened = new FileServerSettingsStore(dir);

        assertThat(reopened.get("111").digestChannel()).contains("77");
        assertThat(reopened.get("111").digestPosted()).contains(posted);
        assertThat(reopened.get("222")).isEqualTo(ServerSettings.empty("222"));
        reopened.put(reopened.get("111").withDigestChannel(Optional.empty()));
        assertThat(Files.readString(dir.resolve("111.json"))).doesNotContain("digestChannel");
        assertThat(reopened.get("111").digestPosted()).as("a week posted stays posted").contains(posted);
    }

    @Test
    void a_write_leaves_no_temporary_file_behind() throws IOException {
        FileServerSettingsStore store = new FileServerSettingsStore(dir);
        store.put(new ServerSettings("111", Set.of("9"), Set.of(), true, ServerSettings.AnswersIn.THREAD));
        store.put(new ServerSettings("111", Set.of("10"), Set.of(), true, ServerSettings.AnswersIn.THREAD));

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("111.json");
        }
        assertThat(new FileServerSettingsStore(dir).get("111").moderatorRoles()).containsExactly("10");
    }

    @Test
    void an_id_that_is_not_a_discord_id_cannot_name_a_file() {
        FileServerSettingsStore store = new FileServerSettingsStore(dir);

        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(ServerSettings.empty("1/2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
