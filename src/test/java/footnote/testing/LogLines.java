package footnote.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log lines written while a test's action runs, at every level whatever the tests' configuration logs. */
public final class LogLines {

    private LogLines() {}

    /** The lines of the logger named {@code name} and those below it (the root logger for ""), while {@code run}. */
    public static List<ILoggingEvent> during(String name, Runnable run) {
        Logger logger = (Logger) LoggerFactory.getLogger(name.isEmpty() ? org.slf4j.Logger.ROOT_LOGGER_NAME : name);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = logger.getLevel();
        logger.addAppender(lines);
        logger.setLevel(Level.TRACE);
        try {
            run.run();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(lines);
        }
        return List.copyOf(lines.list);
    }

    /** As {@link #during(String, Runnable)} for the logger of {@code type}. */
    public static List<ILoggingEvent> during(Class<?> type, Runnable run) {
        return during(type.getName(), run);
    }
}
