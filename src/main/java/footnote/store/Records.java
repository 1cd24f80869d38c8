package footnote.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import footnote.chat.ServerSettings;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.ingest.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Source records and server settings as JSON, one format for every store (files on one machine, SolrCloud for
 * several), so a deployment can move from one to the other by copying records. Thread-safe.
 */
public final class Records {

    private static final Pattern SERVER_ID = Pattern.compile("\\d{1,20}");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredSource(
            @JsonProperty("id") String id,
            @JsonProperty("kind") String kind,
            @JsonProperty("url") String url,
            @JsonProperty("fileName") String fileName,
            @JsonProperty("scope") String scope,
            @JsonProperty("title") String title,
            @JsonProperty("state") SourceRecord.State state,
            @JsonProperty("added") Instant added,
            @JsonProperty("lastFetched") Instant lastFetched,
            @JsonProperty("problem") JsonNode problem,
            @JsonProperty("attempt") Integer attempt,
            @JsonProperty("articles") Integer articles,
            @JsonProperty("passages") Integer passages) {}

    /** Without a digest, the two digest fields are left out: the file reads as before digests existed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredSettings(@JsonProperty("moderatorRoles") List<String> moderatorRoles,
            @JsonProperty("askChannels") List<String> askChannels,
            @JsonProperty("showBundled") Boolean showBundled,
            @JsonProperty("answersIn") String answersIn,
            @JsonProperty("digestChannel") String digestChannel,
            @JsonProperty("digestPosted") Instant digestPosted) {}

    public Records() {
        // Named, not discovered: whatever else is on the class path (Solr's test cluster brings a JAXB module) must
        // not change how records are read.
        json.registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
    }

    /** @throws IllegalArgumentException for a bundled source, which lives in configuration, not in a registry */
    public byte[] source(SourceRecord record) {
        Source source = record.source();
        String url = null;
        String fileName = null;
        if (source.kind() instanceof SourceKind.WebPage page) {
            url = page.url().toString();
        } else if (source.kind() instanceof SourceKind.Feed feed) {
            url = feed.url().toString();
        } else if (source.kind() instanceof SourceKind.Upload upload) {
            fileName = upload.fileName();
        } else {
            throw new IllegalArgumentException("bundled sources are not registered: " + source.id());
        }
        return write(new StoredSource(source.id(), source.kind().label(), url, fileName, source.scope().id(),
                record.title(), record.state(), record.added(), record.lastFetched().orElse(null),
                record.problem().map(StoredProblem::write).orElse(null),
                record.attempt() == 1 ? null : record.attempt(),
                record.indexed().map(SourceRecord.Counts::articles).orElse(null),
                record.indexed().map(SourceRecord.Counts::passages).orElse(null)));
    }

    /** @throws IOException when the bytes are not a source record */
    public SourceRecord source(byte[] bytes) throws IOException {
        try {
            StoredSource s = json.readValue(bytes, StoredSource.class);
            SourceKind kind = switch (s.kind()) {
                case "page" -> new SourceKind.WebPage(URI.create(s.url()));
                case "feed" -> new SourceKind.Feed(URI.create(s.url()));
                case "upload" -> new SourceKind.Upload(s.fileName());
                default -> throw new IOException("unknown source kind '" + s.kind() + "'");
            };
            return new SourceRecord(new Source(s.id(), kind, new Scope(s.scope())), s.title(), s.state(), s.added(),
                    Optional.ofNullable(s.lastFetched()), s.problem() == null || s.problem().isNull() ? Optional.empty()
                            : Optional.of(StoredProblem.read(s.problem())),
                    s.attempt() == null ? 1 : s.attempt(),
                    s.articles() == null || s.passages() == null ? Optional.empty()
                            : Optional.of(new SourceRecord.Counts(s.articles(), s.passages())));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public byte[] settings(ServerSettings settings) {
        return write(new StoredSettings(settings.moderatorRoles().stream().sorted().toList(),
                settings.askChannels().stream().sorted().toList(), settings.showBundled(),
                settings.answersIn().name().toLowerCase(Locale.ROOT), settings.digestChannel().orElse(null),
                settings.digestPosted().orElse(null)));
    }

    /** Settings written before a field existed read as that field's default. */
    public ServerSettings settings(String serverId, byte[] bytes) throws IOException {
        StoredSettings stored = json.readValue(bytes, StoredSettings.class);
        return new ServerSettings(serverId, ids(stored.moderatorRoles()), ids(stored.askChannels()),
                stored.showBundled() == null || stored.showBundled(), answersIn(stored.answersIn()),
                Optional.ofNullable(stored.digestChannel()), Optional.ofNullable(stored.digestPosted()));
    }

    private static ServerSettings.AnswersIn answersIn(String stored) throws IOException {
        if (stored == null) {
            return ServerSettings.AnswersIn.THREAD;
        }
        for (ServerSettings.AnswersIn where : ServerSettings.AnswersIn.values()) {
            if (where.name().equalsIgnoreCase(stored)) {
                return where;
            }
        }
        throw new IOException("unknown answersIn '" + stored + "'");
    }

    /** The id itself, checked to be a Discord id (digits): it names a file or a document, never anything else. */
    public static String serverId(String serverId) {
        if (!SERVER_ID.matcher(serverId).matches()) {
            throw new IllegalArgumentException("not a Discord server id: " + serverId);
        }
        return serverId;
    }

    private static Set<String> ids(List<String> ids) {
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
