package footnote.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration and refuses anything doubtful at start-up, with one line saying where: a missing
 * file, bad YAML, an unknown key (usually a typo that would otherwise be silently ignored), a value out of range.
 */
public final class ConfigLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(ChoiceReading.module());

    public Config load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("The configuration file " + file + " does not exist; run from the Footnote"
                    + " folder or pass --config FILE.");
        } catch (IOException e) {
            throw new ConfigException("The configuration file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Config config;
        ChoiceReading choices = new ChoiceReading();
        try {
            config = text.isBlank() ? Config.defaults()
                    : yaml.readerFor(Config.class).withHandler(choices).readValue(text);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + lineOf(text, e.getPropertyName()) + ": unknown setting '" + path(e)
                    + "'; known here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")),
                    e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw new ConfigException(file + where(syntax.getLocation()) + ": not valid YAML: "
                        + syntax.getOriginalMessage().lines().findFirst().orElse(""), e);
            }
            throw new ConfigException(file + where(e.getLocation()) + ": bad value for '" + path(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JacksonException e) {
            throw new ConfigException(file + where(e.getLocation()) + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (config == null) {
            config = Config.defaults();
        }
        List<String> problems = new ArrayList<>(choices.problems());
        problems.addAll(config.problems());
        if (!problems.isEmpty()) {
            throw new ConfigException(file + ": " + String.join("; ", problems));
        }
        return config;
    }

    /**
     * The line where a key is written. Jackson reads a record's properties ahead before it can complain about one,
     * so its own location points past the mistake.
     */
    private static String lineOf(String text, String key) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(key + ":")) {
                return " line " + (i + 1);
            }
        }
        return "";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
