package footnote.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a typed line as a command: {@code help}; {@code sources} (or {@code sources list [page]}),
 * {@code sources add <url>}, {@code sources upload <file>}, {@code sources remove <id>},
 * {@code sources refresh [id]}, {@code sources status}; {@code insights [7|30|90]}, {@code insights forget};
 * {@code ask <question>}; each also with Discord's leading slash. Any other line is a question.
 */
public final class CommandParser {

    private CommandParser() {}

    public static Command parse(String line) {
        String text = line.strip();
        String bare = text.startsWith("/") ? text.substring(1).strip() : text;
        String[] words = bare.split("\\s+", 3);
        String first = words[0].toLowerCase(Locale.ROOT);
        String second = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        String rest = words.length > 2 ? words[2].strip() : "";
        if (words.length == 1 && (first.equals("help") || first.equals("?"))) {
            return new Command.Help();
        }
        if (first.equals("ask")) {
            return new Command.Ask(bare.substring(3).strip());
        }
        if (first.equals("insights") && words.length <= 2) {
            Optional<Command> insights = insights(second);
            if (insights.isPresent()) {
                return insights.get();
            }
        }
        if (first.equals("sources")) {
            Optional<Command> sources = sources(words.length, second, rest);
            if (sources.isPresent()) {
                return sources.get();
            }
        }
        return new Command.Ask(text);
    }

    private static Optional<Command> sources(int words, String verb, String argument) {
        switch (words == 1 ? "list" : verb) {
            case "list":
                return argument.isEmpty() ? Optional.of(new Command.ListSources())
                        : page(argument).map(Command.ListSources::new);
            case "add":
                return argument.isEmpty() || argument.contains(" ") ? Optional.empty()
                        : Optional.of(new Command.AddSource(argument));
            case "upload":
                return argument.isEmpty() ? Optional.empty() : Optional.of(new Command.UploadSource(
                        java.nio.file.Path.of(argument).getFileName().toString(), argument));
            case "remove":
                return argument.isEmpty() || argument.contains(" ") ? Optional.empty()
                        : Optional.of(new Command.RemoveSource(argument));
            case "refresh":
                return argument.contains(" ") ? Optional.empty()
                        : Optional.of(new Command.RefreshSources(Optional.of(argument).filter(a -> !a.isEmpty())));
            case "status":
                return argument.isEmpty() ? Optional.of(new Command.SourceJobs()) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** {@code insights}, {@code insights 30} (any number: one outside 7, 30, 90 is refused with the choices). */
    private static Optional<Command> insights(String argument) {
        if (argument.isEmpty()) {
            return Optional.of(new Command.Insights());
        }
        if (argument.equals("forget")) {
            return Optional.of(new Command.ForgetInsights());
        }
        return page(argument).map(Command.Insights::new);
    }

    private static Optional<Integer> page(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
