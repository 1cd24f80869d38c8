package footnote.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link Choice} settings exactly as the file writes them, and notes any other value in the words of the other
 * checks ({@code index.backend must be lucene or solr, got elastic}). Reading then goes on with that choice left out,
 * so at its default, and the problem is reported together with every other one in the file. One per reading: it
 * keeps what it found.
 */
final class ChoiceReading extends DeserializationProblemHandler {

    private final List<String> problems = new ArrayList<>();

    /**
     * Replaces Jackson's own enum reading for choices, which takes a number as a position in the enum and reports
     * an empty value in words of its own.
     */
    static Module module() {
        SimpleDeserializers choices = new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription description) {
                return Choice.class.isAssignableFrom(type) ? new ChoiceDeserializer(type) : null;
            }
        };
        SimpleModule module = new SimpleModule("choices");
        module.setDeserializers(choices);
        return module;
    }

    /** What was found, one line each. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
            String failureMsg) {
        if (!Choice.class.isAssignableFrom(targetType)) {
            return NOT_HANDLED;
        }
        problems.add(key(ctxt.getParser().getParsingContext()) + " must be " + Choice.allowed(targetType) + ", got "
                + (value.isBlank() ? "an empty value" : value));
        return null;
    }

    /** The dotted key being read, e.g. {@code summary.llm.provider}. */
    private static String key(JsonStreamContext context) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.add(0, c.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    /** A choice from its key; any other value (a number, an empty string, another case) goes to the handler. */
    private static final class ChoiceDeserializer extends StdScalarDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        ChoiceDeserializer(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            Optional<Choice> choice = Choice.values(handledType()).stream().filter(c -> c.key().equals(text))
                    .findFirst();
            return choice.isPresent() ? choice.get()
                    : ctxt.handleWeirdStringValue(handledType(), text, "not one of " + Choice.allowed(handledType()));
        }
    }
}
