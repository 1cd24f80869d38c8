package footnote.discord;

import footnote.chat.Command;
import footnote.chat.ServerSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.javacord.api.entity.channel.ChannelType;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.javacord.api.interaction.SlashCommandOptionType;

/**
 * The slash commands Footnote registers, and how an invocation becomes a chat {@link Command}. The names of
 * {@code /ask question}, {@code /sources list} and {@code /help} are fixed: other tools depend on them.
 */
final class SlashCommands {

    static final String ASK = "ask";
    static final String QUESTION = "question";
    static final String SOURCES = "sources";
    static final String LIST = "list";
    static final String HELP = "help";
    static final String SETTINGS = "settings";
    static final String ANSWERS = "answers";
    static final String IN = "in";
    static final String THREAD = "thread";
    static final String REPLY = "reply";
    static final String INSIGHTS = "insights";
    static final String SHOW = "show";
    static final String DAYS = "days";
    static final String FORGET = "forget";
    static final String DIGEST = "digest";
    static final String CHANNEL = "channel";

    /** Discord's own limit on a string option; the chat layer enforces the (lower) question length. */
    private static final long MAX_OPTION_LENGTH = 6_000;

    private SlashCommands() {}

    static Set<SlashCommandBuilder> definitions() {
        return Set.of(
                SlashCommand.with(ASK, "Ask a question; I answer with quotes from the sources",
                                List.of(SlashCommandOption.createStringOption(QUESTION, "Your question", true)))
                        .setEnabledInDms(false),
                SlashCommand.with(SOURCES, "The sources I answer from", List.of(
                                SlashCommandOption.createSubcommand(LIST, "List the sources I answer from",
                                        List.of(SlashCommandOption.createLongOption("page", "Which page of the list",
                                                false, 1, 1000))),
                                SlashCommandOption.createSubcommand("add", "Moderators: add an article page or an RSS/Atom feed",
                                        List.of(SlashCommandOption.createStringOption("url", "The page's or feed's address", true))),
                                SlashCommandOption.createSubcommand("upload", "Moderators: add a .txt, .md, .html or .pdf file",
                                        List.of(SlashCommandOption.createAttachmentOption("file", "The file", true))),
                                SlashCommandOption.createSubcommand("remove", "Moderators: remove a source and its passages",
                                        List.of(SlashCommandOption.createStringOption("id", "The source's id, from /sources list", true))),
                                SlashCommandOption.createSubcommand("refresh", "Moderators: fetch a source, or all, again",
                                        List.of(SlashCommandOption.createStringOption("id", "The source's id; leave out for all", false))),
                                SlashCommandOption.createSubcommand("status", "Moderators: what is running, queued or failed")))
                        .setEnabledInDms(false),
                SlashCommand.with(HELP, "How to ask me questions").setEnabledInDms(false),
                insights(),
                SlashCommand.with(SETTINGS, "Moderators: how I behave in this server", List.of(
                                SlashCommandOption.createSubcommand("show", "Show this server's settings"),
                                SlashCommandOption.createSubcommand("bundled", "Show or hide the sources shipped with the bot",
                                        List.of(SlashCommandOption.createBooleanOption("shown", "Whether they answer here", true))),
                                SlashCommandOption.createSubcommand(ANSWERS, "Answer in a thread on the question, or as a reply",
                                        List.of(SlashCommandOption.createWithChoices(SlashCommandOptionType.STRING, IN,
                                                "Where answers and their follow-ups go", true, List.of(
                                                        SlashCommandOptionChoice.create(THREAD, THREAD),
                                                        SlashCommandOptionChoice.create(REPLY, REPLY))))),
                                digest(),
                                SlashCommandOption.createSubcommandGroup("moderator-role", "Roles whose members are moderators",
                                        List.of(roleSubcommand("add", "Count members with this role as moderators"),
                                                roleSubcommand("remove", "Stop counting this role as moderators"))),
                                SlashCommandOption.createSubcommandGroup("ask-channel",
                                        "Channels where every message is a question",
                                        List.of(channelSubcommand("add", "Answer every message in this channel"),
                                                channelSubcommand("remove", "Stop answering every message here")))))
                        .setEnabledInDms(false));
    }

    /** Discord allows no options beside subcommands, hence {@code /insights show days:} and not {@code days:}. */
    private static SlashCommandBuilder insights() {
        return SlashCommand.with(INSIGHTS, "Moderators: what members asked and how the answers served them", List.of(
                        SlashCommandOption.createSubcommand(SHOW, "The report, for you alone",
                                List.of(SlashCommandOption.createWithChoices(SlashCommandOptionType.LONG, DAYS,
                                        "Over the last 7, 30 or 90 days (7 if left out)", false,
                                        Command.Insights.WINDOWS.stream()
                                                .map(d -> SlashCommandOptionChoice.create(d + " days", d)).toList()))),
                        SlashCommandOption.createSubcommand(FORGET,
                                "Delete this server's recorded questions, votes and comments now")))
                .setEnabledInDms(false);
    }

    /** {@code /settings digest channel:…}; without the channel, the digest stops. */
    private static SlashCommandOption digest() {
        return SlashCommandOption.createSubcommand(DIGEST, "Post the insights report to a channel once a week",
                List.of(SlashCommandOption.createChannelOption(CHANNEL, "Where it goes; leave out to stop the digest",
                        false, List.of(ChannelType.SERVER_TEXT_CHANNEL))));
    }

    private static SlashCommandOption roleSubcommand(String name, String description) {
        return SlashCommandOption.createSubcommand(name, description,
                List.of(SlashCommandOption.create(SlashCommandOptionType.ROLE, "role", "The role", true)));
    }

    private static SlashCommandOption channelSubcommand(String name, String description) {
        return SlashCommandOption.createSubcommand(name, description,
                List.of(SlashCommandOption.create(SlashCommandOptionType.CHANNEL, "channel", "The channel", true)));
    }

    /** The chat command an invocation asks for; empty for a command this version does not know. */
    static Optional<Command> translate(SlashCommandInteraction interaction) {
        String name = interaction.getFullCommandName();
        switch (name) {
            case ASK:
                return Optional.of(new Command.Ask(interaction.getArgumentStringValueByName(QUESTION).orElse("")));
            case SOURCES + " " + LIST:
                return Optional.of(new Command.ListSources(
                        interaction.getArgumentLongValueByName("page").map(Long::intValue).orElse(1)));
            case SOURCES + " add":
                return interaction.getArgumentStringValueByName("url").map(Command.AddSource::new);
            case SOURCES + " upload":
                return interaction.getArgumentAttachmentValueByName("file")
                        .map(file -> new Command.UploadSource(file.getFileName(), file.getUrl().toString()));
            case SOURCES + " remove":
                return interaction.getArgumentStringValueByName("id").map(id -> new Command.RemoveSource(id.strip()));
            case SOURCES + " refresh":
                return Optional.of(new Command.RefreshSources(
                        interaction.getArgumentStringValueByName("id").map(String::strip).filter(id -> !id.isEmpty())));
            case SOURCES + " status":
                return Optional.of(new Command.SourceJobs());
            case SETTINGS + " bundled":
                return interaction.getArgumentBooleanValueByName("shown").map(Command.BundledSources::new);
            case SETTINGS + " " + ANSWERS:
                return interaction.getArgumentStringValueByName(IN).flatMap(SlashCommands::answersIn)
                        .map(Command.Answers::new);
            case HELP:
                return Optional.of(new Command.Help());
            case INSIGHTS + " " + SHOW:
                return Optional.of(interaction.getArgumentLongValueByName(DAYS)
                        .map(days -> new Command.Insights(days.intValue())).orElseGet(Command.Insights::new));
            case INSIGHTS + " " + FORGET:
                return Optional.of(new Command.ForgetInsights());
            case SETTINGS + " " + DIGEST:
                return Optional.of(new Command.Digest(id(interaction, CHANNEL)));
            case SETTINGS + " show":
                return Optional.of(new Command.ShowSettings());
            case SETTINGS + " moderator-role add":
            case SETTINGS + " moderator-role remove":
                return id(interaction, "role").map(role -> new Command.ModeratorRole(role, name.endsWith("add")));
            case SETTINGS + " ask-channel add":
            case SETTINGS + " ask-channel remove":
                return id(interaction, "channel").map(channel -> new Command.AskChannel(channel, name.endsWith("add")));
            default:
                return Optional.empty();
        }
    }

    /** The choice's value; anything else (an older registration's) is no command this version knows. */
    private static Optional<ServerSettings.AnswersIn> answersIn(String value) {
        return switch (value) {
            case THREAD -> Optional.of(ServerSettings.AnswersIn.THREAD);
            case REPLY -> Optional.of(ServerSettings.AnswersIn.REPLY);
            default -> Optional.empty();
        };
    }

    /** The id a role or channel option refers to, whether or not Javacord has the entity cached. */
    private static Optional<String> id(SlashCommandInteraction interaction, String option) {
        return interaction.getArgumentByName(option).flatMap(SlashCommandInteractionOption::getStringRepresentationValue);
    }
}
