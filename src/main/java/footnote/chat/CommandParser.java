package footnote.chat;

import java.util.Locale;

/**
 * Reads a typed line as a command: {@code help}, {@code sources} (or {@code sources list}), {@code ask <question>},
 * each also with Discord's leading slash; any other line is a question.
 */
public final class CommandParser {

    private CommandParser() {}

    public static Command parse(String line) {
        String text = line.strip();
        String bare = text.startsWith("/") ? text.substring(1).strip() : text;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("help") || lower.equals("?")) {
            return new Command.Help();
        }
        if (lower.equals("sources") || lower.equals("sources list")) {
            return new Command.ListSources();
        }
        if (lower.startsWith("ask ") || lower.equals("ask")) {
            return new Command.Ask(bare.substring(3).strip());
        }
        return new Command.Ask(text);
    }
}
