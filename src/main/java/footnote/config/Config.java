package footnote.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every setting, with its default. Field names are the YAML keys. Relative paths are taken from the working
 * directory.
 */
public record Config(
        @JsonProperty("index") Index index,
        @JsonProperty("sources") Sources sources,
        @JsonProperty("embedding") Embedding embedding,
        @JsonProperty("retrieval") Retrieval retrieval,
        @JsonProperty("answers") Answers answers,
        @JsonProperty("chat") Chat chat,
        @JsonProperty("discord") Discord discord,
        @JsonProperty("fetch") Fetch fetch,
        @JsonProperty("feeds") Feeds feeds,
        @JsonProperty("summary") Summary summary) {

    public Config {
        index = Optional.ofNullable(index).orElseGet(() -> new Index(null));
        sources = Optional.ofNullable(sources).orElseGet(() -> new Sources(null));
        embedding = Optional.ofNullable(embedding).orElseGet(() -> new Embedding(null));
        retrieval = Optional.ofNullable(retrieval).orElseGet(() -> new Retrieval(null, null, null, null, null));
        answers = Optional.ofNullable(answers).orElseGet(() -> new Answers(null, null, null));
        chat = Optional.ofNullable(chat).orElseGet(() -> new Chat(null));
        discord = Optional.ofNullable(discord).orElseGet(() -> new Discord(null, null, null, null, null, null));
        fetch = Optional.ofNullable(fetch).orElseGet(() -> new Fetch(null, null, null, null, null, null));
        feeds = Optional.ofNullable(feeds).orElseGet(() -> new Feeds(null, null));
        summary = Optional.ofNullable(summary).orElseGet(() -> new Summary(null, null, null, null));
    }

    public static Config defaults() {
        return new Config(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * How the bot fetches the URLs moderators give it. It refuses loopback, private, link-local and cloud-metadata
     * addresses and ports other than those listed, on the first request and on every redirect.
     *
     * @param unsafeAllowPrivateAddresses lets the bot fetch from loopback and private networks: only for tests
     *                                    and closed setups, since any moderator could then reach internal services
     */
    public record Fetch(
            @JsonProperty("maxBytes") Long maxBytes,
            @JsonProperty("connectTimeoutSeconds") Integer connectTimeoutSeconds,
            @JsonProperty("readTimeoutSeconds") Integer readTimeoutSeconds,
            @JsonProperty("maxRedirects") Integer maxRedirects,
            @JsonProperty("allowedPorts") List<Integer> allowedPorts,
            @JsonProperty("unsafeAllowPrivateAddresses") Boolean unsafeAllowPrivateAddresses) {
        public Fetch {
            maxBytes = or(maxBytes, 10L * 1024 * 1024);
            connectTimeoutSeconds = or(connectTimeoutSeconds, 10);
            readTimeoutSeconds = or(readTimeoutSeconds, 30);
            maxRedirects = or(maxRedirects, 5);
            allowedPorts = List.copyOf(or(allowedPorts, List.of(80, 443)));
            unsafeAllowPrivateAddresses = or(unsafeAllowPrivateAddresses, false);
        }
    }

    /**
     * @param pollMinutes       how often feeds are polled for new entries
     * @param maxEntriesPerPoll entries taken from a feed in one poll (the newest first)
     */
    public record Feeds(
            @JsonProperty("pollMinutes") Integer pollMinutes,
            @JsonProperty("maxEntriesPerPoll") Integer maxEntriesPerPoll) {
        public Feeds {
            pollMinutes = or(pollMinutes, 60);
            maxEntriesPerPoll = or(maxEntriesPerPoll, 50);
        }
    }

    /** Where the bot keeps its data: the Lucene index now, later the source registry and fetched copies. */
    public record Index(@JsonProperty("path") String path) {
        public Index {
            path = or(path, "index");
        }
    }

    /** Folders of article files that serve every server. */
    public record Sources(@JsonProperty("bundled") List<String> bundled) {
        public Sources {
            bundled = List.copyOf(or(bundled, List.of("config/articles")));
        }
    }

    /** The in-process embedding model; changing it rebuilds the index on the next start. */
    public record Embedding(@JsonProperty("model") String model) {
        public Embedding {
            model = or(model, "bge-small-en-v1.5");
        }
    }

    /**
     * @param candidates  hits taken from each of BM25 and the vector search before fusion
     * @param denseWeight weight of the vector search in the fused score (BM25 gets the rest)
     * @param depth       fused candidates considered for excerpts
     * @param passageWords      the most words in a passage (a longer single sentence stays whole)
     * @param minPassageWords   a shorter paragraph joins the next one
     */
    public record Retrieval(
            @JsonProperty("candidates") Integer candidates,
            @JsonProperty("denseWeight") Double denseWeight,
            @JsonProperty("depth") Integer depth,
            @JsonProperty("passageWords") Integer passageWords,
            @JsonProperty("minPassageWords") Integer minPassageWords) {
        public Retrieval {
            candidates = or(candidates, 100);
            denseWeight = or(denseWeight, 0.5);
            depth = or(depth, 10);
            passageWords = or(passageWords, 60);
            minPassageWords = or(minPassageWords, 20);
        }
    }

    /**
     * @param maxExcerpts  excerpts in one answer
     * @param excerptChars an excerpt's length budget
     * @param evidence     when a passage is strong enough to quote
     */
    public record Answers(
            @JsonProperty("maxExcerpts") Integer maxExcerpts,
            @JsonProperty("excerptChars") Integer excerptChars,
            @JsonProperty("evidence") Evidence evidence) {
        public Answers {
            maxExcerpts = or(maxExcerpts, 3);
            excerptChars = or(excerptChars, 400);
            evidence = Optional.ofNullable(evidence).orElseGet(() -> new Evidence(null, null, null, null));
        }
    }

    /**
     * A question is answered when its best passage scores at least {@code threshold}, where the score is
     * {@code cosineWeight * cosine + (1 - cosineWeight) * coverage}, less {@code unknownNamePenalty} when the
     * question names something no source mentions; further excerpts may score {@code margin} less. The defaults
     * were calibrated with {@code footnote eval --calibrate} for the default embedding model.
     */
    public record Evidence(
            @JsonProperty("cosineWeight") Double cosineWeight,
            @JsonProperty("unknownNamePenalty") Double unknownNamePenalty,
            @JsonProperty("threshold") Double threshold,
            @JsonProperty("margin") Double margin) {
        public Evidence {
            cosineWeight = or(cosineWeight, 0.7);
            unknownNamePenalty = or(unknownNamePenalty, 0.1);
            threshold = or(threshold, 0.54);
            margin = or(margin, 0.1);
        }
    }

    /** @param maxQuestionChars longer questions are refused with a message */
    public record Chat(@JsonProperty("maxQuestionChars") Integer maxQuestionChars) {
        public Chat {
            maxQuestionChars = or(maxQuestionChars, 500);
        }
    }

    /**
     * @param tokenVariable      the environment variable holding the bot token; set means the bot joins Discord
     * @param commandServers     register slash commands in these servers only, where they appear at once (for
     *                           development); empty: globally
     * @param questionsPerMinute questions one member may ask in a minute
     * @param maxInFlight        questions answered at the same time across the bot; more are refused politely
     * @param answerThreads      threads that answer questions, apart from Discord's event threads
     * @param readAllMessages    ask for Discord's privileged Message Content intent (enable it in the developer
     *                           portal): needed for ask channels; mentions and slash commands work without it
     */
    public record Discord(
            @JsonProperty("tokenVariable") String tokenVariable,
            @JsonProperty("commandServers") List<String> commandServers,
            @JsonProperty("questionsPerMinute") Integer questionsPerMinute,
            @JsonProperty("maxInFlight") Integer maxInFlight,
            @JsonProperty("answerThreads") Integer answerThreads,
            @JsonProperty("readAllMessages") Boolean readAllMessages) {
        public Discord {
            tokenVariable = or(tokenVariable, "DISCORD_TOKEN");
            commandServers = List.copyOf(or(commandServers, List.of()));
            questionsPerMinute = or(questionsPerMinute, 5);
            maxInFlight = or(maxInFlight, 8);
            answerThreads = or(answerThreads, 2);
            readAllMessages = or(readAllMessages, true);
        }
    }

    /**
     * The summary on top of an answer's excerpts.
     *
     * @param mode           {@code none}, {@code extractive} (sentences quoted from the excerpts: no model, no
     *                       network) or {@code llm} (a language model's, checked against the excerpts)
     * @param sentences      the most sentences in a summary
     * @param timeoutSeconds how long the model may take; then the extractive summary is used
     * @param llm            the model, for mode {@code llm}
     */
    public record Summary(
            @JsonProperty("mode") String mode,
            @JsonProperty("sentences") Integer sentences,
            @JsonProperty("timeoutSeconds") Integer timeoutSeconds,
            @JsonProperty("llm") Llm llm) {
        public Summary {
            mode = or(mode, "extractive");
            sentences = or(sentences, 3);
            timeoutSeconds = or(timeoutSeconds, 20);
            llm = Optional.ofNullable(llm).orElseGet(() -> new Llm(null, null, null, null, null, null, null));
        }
    }

    /**
     * A chat model reached through LangChain4j.
     *
     * @param provider       {@code openai} (any OpenAI-compatible server: OpenAI, llama.cpp, vLLM…) or
     *                       {@code ollama}
     * @param baseUrl        the API's base URL; defaults to OpenAI's, or to a local Ollama
     * @param model          the model's name; without one, no model is configured
     * @param apiKeyVariable the environment variable holding the API key (openai); unset: no key is sent
     * @param temperature    omit (null) for models that accept only their default
     * @param maxTokens      the reply's length limit
     * @param concurrency    model calls at the same time; more wait in a short queue, and beyond it the
     *                       extractive summary is used
     */
    public record Llm(
            @JsonProperty("provider") String provider,
            @JsonProperty("baseUrl") String baseUrl,
            @JsonProperty("model") String model,
            @JsonProperty("apiKeyVariable") String apiKeyVariable,
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("maxTokens") Integer maxTokens,
            @JsonProperty("concurrency") Integer concurrency) {
        public Llm {
            provider = or(provider, "openai");
            baseUrl = or(baseUrl, provider.equals("ollama") ? "http://localhost:11434" : "https://api.openai.com/v1");
            apiKeyVariable = or(apiKeyVariable, "OPENAI_API_KEY");
            maxTokens = or(maxTokens, 300);
            concurrency = or(concurrency, 4);
        }

        public Optional<String> modelName() {
            return Optional.ofNullable(model).filter(m -> !m.isBlank());
        }

        public Optional<Double> temperatureSetting() {
            return Optional.ofNullable(temperature);
        }
    }

    /** Every problem with the values, one line each; empty when the configuration is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, !index.path().isBlank(), "index.path is empty");
        check(problems, retrieval.candidates() >= 1 && retrieval.candidates() <= 1000,
                "retrieval.candidates must be between 1 and 1000");
        check(problems, retrieval.depth() >= 1 && retrieval.depth() <= retrieval.candidates(),
                "retrieval.depth must be between 1 and retrieval.candidates");
        check(problems, retrieval.denseWeight() >= 0 && retrieval.denseWeight() <= 1,
                "retrieval.denseWeight must be between 0 and 1");
        check(problems, retrieval.minPassageWords() >= 1 && retrieval.passageWords() >= retrieval.minPassageWords(),
                "need 1 <= retrieval.minPassageWords <= retrieval.passageWords");
        check(problems, answers.maxExcerpts() >= 1 && answers.maxExcerpts() <= 10,
                "answers.maxExcerpts must be between 1 and 10");
        check(problems, answers.excerptChars() >= 100 && answers.excerptChars() <= 1000,
                "answers.excerptChars must be between 100 and 1000");
        check(problems, answers.evidence().cosineWeight() >= 0 && answers.evidence().cosineWeight() <= 1,
                "answers.evidence.cosineWeight must be between 0 and 1");
        check(problems, answers.evidence().unknownNamePenalty() >= 0 && answers.evidence().margin() >= 0,
                "answers.evidence.unknownNamePenalty and margin must not be negative");
        check(problems, chat.maxQuestionChars() >= 20, "chat.maxQuestionChars must be at least 20");
        check(problems, discord.tokenVariable().matches("[A-Za-z_][A-Za-z0-9_]*"),
                "discord.tokenVariable must be an environment variable name");
        check(problems, discord.commandServers().stream().allMatch(id -> id.matches("\\d{1,20}")),
                "discord.commandServers must be server ids (digits)");
        check(problems, discord.questionsPerMinute() >= 1, "discord.questionsPerMinute must be at least 1");
        check(problems, discord.maxInFlight() >= 1, "discord.maxInFlight must be at least 1");
        check(problems, discord.answerThreads() >= 1 && discord.answerThreads() <= 64,
                "discord.answerThreads must be between 1 and 64");
        check(problems, fetch.maxBytes() >= 1024, "fetch.maxBytes must be at least 1024");
        check(problems, fetch.connectTimeoutSeconds() >= 1 && fetch.readTimeoutSeconds() >= 1,
                "fetch timeouts must be at least 1 second");
        check(problems, fetch.maxRedirects() >= 0 && fetch.maxRedirects() <= 20,
                "fetch.maxRedirects must be between 0 and 20");
        check(problems, fetch.allowedPorts().stream().allMatch(p -> p >= 1 && p <= 65535),
                "fetch.allowedPorts must be port numbers");
        check(problems, feeds.pollMinutes() >= 1, "feeds.pollMinutes must be at least 1");
        check(problems, feeds.maxEntriesPerPoll() >= 1 && feeds.maxEntriesPerPoll() <= 10_000,
                "feeds.maxEntriesPerPoll must be between 1 and 10000");
        check(problems, List.of("none", "extractive", "llm").contains(summary.mode()),
                "summary.mode must be none, extractive or llm");
        check(problems, summary.sentences() >= 1 && summary.sentences() <= 5,
                "summary.sentences must be between 1 and 5");
        check(problems, summary.timeoutSeconds() >= 1 && summary.timeoutSeconds() <= 300,
                "summary.timeoutSeconds must be between 1 and 300");
        check(problems, List.of("openai", "ollama").contains(summary.llm().provider()),
                "summary.llm.provider must be openai or ollama");
        check(problems, summary.llm().baseUrl().matches("https?://[^\\s/?#]+(/\\S*)?"),
                "summary.llm.baseUrl must be an http or https URL");
        check(problems, summary.llm().apiKeyVariable().matches("[A-Za-z_][A-Za-z0-9_]*"),
                "summary.llm.apiKeyVariable must be an environment variable name");
        check(problems, summary.llm().temperatureSetting().map(t -> t >= 0 && t <= 2).orElse(true),
                "summary.llm.temperature must be between 0 and 2");
        check(problems, summary.llm().maxTokens() >= 16 && summary.llm().maxTokens() <= 4096,
                "summary.llm.maxTokens must be between 16 and 4096");
        check(problems, summary.llm().concurrency() >= 1 && summary.llm().concurrency() <= 64,
                "summary.llm.concurrency must be between 1 and 64");
        return problems;
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
