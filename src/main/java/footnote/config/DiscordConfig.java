package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The YAML section {@code discord}.
 *
 * @param tokenVariable      the environment variable holding the bot token; set means the bot joins Discord
 * @param commandServers     register slash commands in these servers only, where they appear at once (for
 *                           development); empty: globally
 * @param questionsPerMinute questions one member may ask in a minute
 * @param maxInFlight        questions answered at the same time across the bot; more are refused politely
 * @param answerThreads      threads that answer questions, apart from Discord's event threads
 * @param readAllMessages    ask for Discord's privileged Message Content intent (enable it in the developer
 *                           portal): needed for ask channels; mentions and slash commands work without it
 * @param totalShards        the deployment's gateway shards; Discord requires one per 2,500 servers
 * @param shards             the shards this process runs (zero-based); empty: all of them. Processes that split
 *                           the shards between them share a SolrCloud backend
 */
public record DiscordConfig(String tokenVariable, List<String> commandServers, Integer questionsPerMinute,
        Integer maxInFlight, Integer answerThreads, Boolean readAllMessages, Integer totalShards,
        List<Integer> shards) {

    public DiscordConfig {
        tokenVariable = requireNonNullElse(tokenVariable, "DISCORD_TOKEN");
        commandServers = List.copyOf(requireNonNullElse(commandServers, List.of()));
        questionsPerMinute = requireNonNullElse(questionsPerMinute, 5);
        maxInFlight = requireNonNullElse(maxInFlight, 8);
        answerThreads = requireNonNullElse(answerThreads, 2);
        readAllMessages = requireNonNullElse(readAllMessages, true);
        totalShards = requireNonNullElse(totalShards, 1);
        shards = List.copyOf(requireNonNullElse(shards, List.of()));
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, null, null, null, null, null);
    }

    /** The shards this process runs: those listed, or every one. */
    public List<Integer> myShards() {
        return shards.isEmpty() ? IntStream.range(0, Math.max(1, totalShards)).boxed().toList() : shards;
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(Checks.variableName(tokenVariable), "discord.tokenVariable must be an environment variable name")
                .check(commandServers.stream().allMatch(id -> id.matches("\\d{1,20}")),
                        "discord.commandServers must be server ids (digits)")
                .check(questionsPerMinute >= 1, "discord.questionsPerMinute must be at least 1")
                .check(maxInFlight >= 1, "discord.maxInFlight must be at least 1")
                .check(answerThreads >= 1 && answerThreads <= 64, "discord.answerThreads must be between 1 and 64")
                .check(totalShards >= 1, "discord.totalShards must be at least 1")
                .check(shards.stream().allMatch(s -> s >= 0 && s < totalShards)
                                && shards.stream().distinct().count() == shards.size(),
                        "discord.shards must be distinct shard numbers from 0 to discord.totalShards - 1")
                .list();
    }
}
