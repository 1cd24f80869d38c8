package footnote.cli;

import footnote.config.Config;
import footnote.config.DiscordConfig;
import footnote.console.ConsoleChat;
import footnote.corpus.Scope;
import footnote.discord.DiscordBot;
import footnote.discord.Throttle;
import footnote.discord.DiscordLoginException;
import java.io.IOException;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The bot's main job: Discord when a token is set, else the terminal chat over the sources. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the bot: in Discord when the token variable (default DISCORD_TOKEN) is set, otherwise"
                + " as a chat in this terminal. Builds or updates the index first.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--discord", description = "Require Discord: fail when the token variable is not set.")
    boolean discordOnly;

    @Option(names = "--terminal", description = "Chat in the terminal even when a token is set.")
    boolean terminalOnly;

    private final Terminal terminal = new Terminal();

    @Override
    public Integer call() throws Exception {
        Config settings = config.load();
        String variable = settings.discord().tokenVariable();
        String token = System.getenv(variable);
        if (terminalOnly || (token == null && !discordOnly)) {
            return chatInTerminal(settings);
        }
        if (token == null || token.isBlank()) {
            terminal.err.println("footnote: " + variable + " is " + (token == null ? "not set" : "empty")
                    + "; set it to the bot's token to run in Discord.");
            return 1;
        }
        return runInDiscord(settings, token.strip());
    }

    private int chatInTerminal(Config settings) throws Exception {
        try (App app = Startup.configured(settings, false, false, terminal)) {
            boolean interactive = terminal.interactive();
            if (interactive) {
                terminal.out.println("Footnote: " + app.board.list(Set.of(Scope.GLOBAL)).size()
                        + " sources. Ask a question, or type help. Type quit to leave.");
            }
            try (FeedPolling polling = FeedPolling.start(app, settings);
                    InsightsPurge purge = InsightsPurge.start(app)) {
                new ConsoleChat(app.chat, interactive ? Optional.of(terminal.err) : Optional.empty())
                        .run(terminal.in(), terminal.out, interactive);
            }
        }
        return 0;
    }

    /** The Discord adapter over the app, for the shards this process runs. */
    static DiscordBot discordBot(App app) {
        DiscordConfig discord = app.config.discord();
        // A bounded queue: beyond it questions are refused (the throttle's cap keeps it from filling).
        ThreadPoolExecutor answering = new ThreadPoolExecutor(discord.answerThreads(), discord.answerThreads(),
                0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(discord.maxInFlight()));
        return new DiscordBot(app.chat, app.serverSettings,
                new Throttle(discord.questionsPerMinute(), discord.maxInFlight(), Clock.systemUTC()), answering,
                discord.commandServers(), discord.readAllMessages(),
                new DiscordBot.Sharding(discord.totalShards(), discord.myShards()), app.storage.leadership());
    }

    private int runInDiscord(Config settings, String token) throws Exception {
        try (App app = Startup.configured(settings, false, false, terminal)) {
            DiscordBot bot = discordBot(app);
            try {
                // Processes of one deployment take turns to log in; alone, Javacord's own spacing is enough.
                bot.start(token, new DiscordBot.Connection(ProxySelector.getDefault(), app.storage.loginGate()));
            } catch (DiscordLoginException e) {
                bot.close();
                terminal.err.println("footnote: " + e.getMessage());
                return 1;
            }
            FeedPolling polling = FeedPolling.start(app, settings);
            InsightsPurge purge = InsightsPurge.start(app);
            terminal.err.println("Footnote is answering in Discord; stop it with Ctrl-C.");
            CountDownLatch stopped = new CountDownLatch(1);
            // The JVM stops once shutdown hooks end, so the hook itself closes everything, index included.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                polling.close();
                purge.close();
                bot.close();
                try {
                    app.close();
                } catch (IOException | RuntimeException e) {
                    terminal.err.println("footnote: closing the index: " + e.getMessage());
                }
                stopped.countDown();
            }, "footnote-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
