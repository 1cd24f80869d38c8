package footnote.chat;

/** What a person can ask the bot to do; the terminal and Discord offer the same set. */
public sealed interface Command {

    record Ask(String question) implements Command {}

    record Help() implements Command {}

    record ListSources() implements Command {}
}
