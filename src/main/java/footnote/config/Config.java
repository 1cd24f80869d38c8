package footnote.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
        sources = Optional.ofNullable(sources).orElseGet(() -> new Sources(null, null, null));
        embedding = Optional.ofNullable(embedding).orElseGet(() -> new Embedding(null));
        retrieval = Optional.ofNullable(retrieval).orElseGet(() -> new Retrieval(null, null, null, null, null));
        answers = Optional.ofNullable(answers).orElseGet(() -> new Answers(null, null, null, null));
        chat = Optional.ofNullable(chat).orElseGet(() -> new Chat(null));
        discord = Optional.ofNullable(discord).orElseGet(() -> new Discord(null, null, null, null, null, null, null,
                null));
        fetch = Optional.ofNullable(fetch).orElseGet(() -> new Fetch(null, null, null, null, null, null));
        feeds = Optional.ofNullable(feeds).orElseGet(() -> new Feeds(null, null));
        summary = Optional.ofNullable(summary).orElseGet(() -> new Summary(null, null, null, null));
    }

    public Config withIndex(Index replacement) {
        return new Config(replacement, sources, embedding, retrieval, answers, chat, discord, fetch, feeds, summary);
    }

    public Config withSources(Sources replacement) {
        return new Config(index, replacement, embedding, retrieval, answers, chat, discord, fetch, feeds, summary);
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

    /**
     * Where the bot keeps its data.
     *
     * @param path    the folder for the embedded backend: the Lucene index, source registry and fetched copies
     * @param backend {@code lucene} (embedded, one process, no server of any kind) or {@code solr} (SolrCloud,
     *                shared by several bot processes)
     * @param solr    the cluster, for backend {@code solr}
     */
    public record Index(
            @JsonProperty("path") String path,
            @JsonProperty("backend") String backend,
            @JsonProperty("solr") Solr solr) {
        public Index {
            path = or(path, "index");
            backend = or(backend, "lucene");
            solr = Optional.ofNullable(solr).orElseGet(() -> new Solr(null, null, null, null, null, null, null));
        }

        public Index(String path) {
            this(path, null, null);
        }

        public boolean solrBackend() {
            return backend.equals("solr");
        }
    }

    /**
     * A SolrCloud cluster. The client is seeded with node URLs and learns the cluster's layout from them, so no
     * ZooKeeper address is needed here; {@code footnote solr create} makes the collections.
     *
     * @param urls           base URLs of some of the cluster's nodes, e.g. {@code http://solr1:8983/solr}
     * @param passages       the collection of passages
     * @param state          the collection of sources, fetched copies, server settings and the deployment lease
     * @param shards         shards of the passages collection, when created
     * @param replicas       copies of each shard, when created: 2 or more survive losing a node
     * @param configsets     the folder holding the {@code passages} and {@code state} configsets
     * @param timeoutSeconds how long one request to the cluster may take
     */
    public record Solr(
            @JsonProperty("urls") List<String> urls,
            @JsonProperty("passages") String passages,
            @JsonProperty("state") String state,
            @JsonProperty("shards") Integer shards,
            @JsonProperty("replicas") Integer replicas,
            @JsonProperty("configsets") String configsets,
            @JsonProperty("timeoutSeconds") Integer timeoutSeconds) {
        public Solr {
            urls = List.copyOf(or(urls, List.of()));
            passages = or(passages, "footnote_passages");
            state = or(state, "footnote_state");
            shards = or(shards, 2);
            replicas = or(replicas, 2);
            configsets = or(configsets, "config/solr");
            timeoutSeconds = or(timeoutSeconds, 10);
        }
    }

    /**
     * @param bundled        folders of article files that serve every server
     * @param maxPassages    the most passages one source may make; a source over it is refused as too large
     * @param maxJobMinutes  how long one add, refresh or poll may run before it stops and ends as failed
     */
    public record Sources(@JsonProperty("bundled") List<String> bundled,
            @JsonProperty("maxPassages") Integer maxPassages,
            @JsonProperty("maxJobMinutes") Integer maxJobMinutes) {
        public Sources {
            bundled = List.copyOf(or(bundled, List.of("config/articles")));
            // 20,000 passages take about 3.5 minutes to embed on two cores (bench: ~100 passages/s), a book of
            // some 1.2 million words; 10 minutes leaves room for a slow site and the embedding together.
            maxPassages = or(maxPassages, 20_000);
            maxJobMinutes = or(maxJobMinutes, 10);
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
     * @param judge        who decides which passage answers and whether any does: {@code model}, the trained
     *                     answer model shipped with the bot, or {@code evidence}, the hand-set policy below
     * @param evidence     the hand-set policy: when a passage is strong enough to quote
     */
    public record Answers(
            @JsonProperty("maxExcerpts") Integer maxExcerpts,
            @JsonProperty("excerptChars") Integer excerptChars,
            @JsonProperty("judge") String judge,
            @JsonProperty("evidence") Evidence evidence) {
        public Answers {
            maxExcerpts = or(maxExcerpts, 3);
            excerptChars = or(excerptChars, 520);
            judge = or(judge, "model");
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
     * @param totalShards        the deployment's gateway shards; Discord requires one per 2,500 servers
     * @param shards             the shards this process runs (zero-based); empty: all of them. Processes that split
     *                           the shards between them share a SolrCloud backend
     */
    public record Discord(
            @JsonProperty("tokenVariable") String tokenVariable,
            @JsonProperty("commandServers") List<String> commandServers,
            @JsonProperty("questionsPerMinute") Integer questionsPerMinute,
            @JsonProperty("maxInFlight") Integer maxInFlight,
            @JsonProperty("answerThreads") Integer answerThreads,
            @JsonProperty("readAllMessages") Boolean readAllMessages,
            @JsonProperty("totalShards") Integer totalShards,
            @JsonProperty("shards") List<Integer> shards) {
        public Discord {
            tokenVariable = or(tokenVariable, "DISCORD_TOKEN");
            commandServers = List.copyOf(or(commandServers, List.of()));
            questionsPerMinute = or(questionsPerMinute, 5);
            maxInFlight = or(maxInFlight, 8);
            answerThreads = or(answerThreads, 2);
            readAllMessages = or(readAllMessages, true);
            totalShards = or(totalShards, 1);
            shards = List.copyOf(or(shards, List.of()));
        }

        /** The shards this process runs: those listed, or every one. */
        public List<Integer> myShards() {
            return shards.isEmpty() ? java.util.stream.IntStream.range(0, Math.max(1, totalShards)).boxed().toList()
                    : shards;
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
        check(problems, List.of("lucene", "solr").contains(index.backend()), "index.backend must be lucene or solr");
        check(problems, !index.solrBackend() || !index.solr().urls().isEmpty(),
                "index.solr.urls must list at least one Solr node URL when index.backend is solr");
        check(problems, index.solr().urls().stream().allMatch(u -> u.matches("https?://[^\\s/?#]+(/\\S*)?")),
                "index.solr.urls must be http or https URLs, e.g. http://solr1:8983/solr");
        check(problems, Stream.of(index.solr().passages(), index.solr().state())
                        .allMatch(c -> c.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")),
                "index.solr.passages and state must be collection names (letters, digits, _ . -)");
        check(problems, !index.solr().passages().equals(index.solr().state()),
                "index.solr.passages and state must be different collections");
        check(problems, index.solr().shards() >= 1 && index.solr().replicas() >= 1,
                "index.solr.shards and replicas must be at least 1");
        check(problems, index.solr().timeoutSeconds() >= 1, "index.solr.timeoutSeconds must be at least 1");
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
        check(problems, answers.judge().equals("model") || answers.judge().equals("evidence"),
                "answers.judge must be model or evidence, got " + answers.judge());
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
        check(problems, discord.totalShards() >= 1, "discord.totalShards must be at least 1");
        check(problems, discord.shards().stream().allMatch(s -> s >= 0 && s < discord.totalShards())
                        && discord.shards().stream().distinct().count() == discord.shards().size(),
                "discord.shards must be distinct shard numbers from 0 to discord.totalShards - 1");
        check(problems, index.solrBackend() || discord.myShards().size() == discord.totalShards(),
                "running only some of discord.totalShards needs index.backend solr, so the other processes share"
                        + " the sources");
        check(problems, fetch.maxBytes() >= 1024, "fetch.maxBytes must be at least 1024");
        check(problems, fetch.connectTimeoutSeconds() >= 1 && fetch.readTimeoutSeconds() >= 1,
                "fetch timeouts must be at least 1 second");
        check(problems, fetch.maxRedirects() >= 0 && fetch.maxRedirects() <= 20,
                "fetch.maxRedirects must be between 0 and 20");
        check(problems, fetch.allowedPorts().stream().allMatch(p -> p >= 1 && p <= 65535),
                "fetch.allowedPorts must be port numbers");
        check(problems, sources.maxPassages() >= 1, "sources.maxPassages must be at least 1");
        check(problems, sources.maxJobMinutes() >= 1, "sources.maxJobMinutes must be at least 1");
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
