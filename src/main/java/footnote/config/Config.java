package footnote.config;

import static java.util.Objects.requireNonNullElseGet;

import java.util.ArrayList;
import java.util.List;

/**
 * Every setting, with its default: one record per YAML section, each holding its keys (the component names), their
 * defaults and their checks together. Relative paths are taken from the working directory.
 */
public record Config(
        IndexConfig index,
        SourcesConfig sources,
        EmbeddingConfig embedding,
        RetrievalConfig retrieval,
        AnswersConfig answers,
        ChatConfig chat,
        DiscordConfig discord,
        FetchConfig fetch,
        FeedsConfig feeds,
        SummaryConfig summary,
        InsightsConfig insights) {

    public Config {
        index = requireNonNullElseGet(index, IndexConfig::defaults);
        sources = requireNonNullElseGet(sources, SourcesConfig::defaults);
        embedding = requireNonNullElseGet(embedding, EmbeddingConfig::defaults);
        retrieval = requireNonNullElseGet(retrieval, RetrievalConfig::defaults);
        answers = requireNonNullElseGet(answers, AnswersConfig::defaults);
        chat = requireNonNullElseGet(chat, ChatConfig::defaults);
        discord = requireNonNullElseGet(discord, DiscordConfig::defaults);
        fetch = requireNonNullElseGet(fetch, FetchConfig::defaults);
        feeds = requireNonNullElseGet(feeds, FeedsConfig::defaults);
        summary = requireNonNullElseGet(summary, SummaryConfig::defaults);
        insights = requireNonNullElseGet(insights, InsightsConfig::defaults);
    }

    public static Config defaults() {
        return new Config(null, null, null, null, null, null, null, null, null, null, null);
    }

    public Config withIndex(IndexConfig replacement) {
        return new Config(replacement, sources, embedding, retrieval, answers, chat, discord, fetch, feeds, summary, insights);
    }

    public Config withSources(SourcesConfig replacement) {
        return new Config(index, replacement, embedding, retrieval, answers, chat, discord, fetch, feeds, summary, insights);
    }

    public Config withInsights(InsightsConfig replacement) {
        return new Config(index, sources, embedding, retrieval, answers, chat, discord, fetch, feeds, summary,
                replacement);
    }

    /**
     * The same settings with insights off: for measurements (eval, bench, train), whose thousands of questions are
     * nobody's and must never land among a server's or the operator's records.
     */
    public Config measuring() {
        return withInsights(new InsightsConfig(false, insights.retentionDays()));
    }

    public Config withSummary(SummaryConfig replacement) {
        return new Config(index, sources, embedding, retrieval, answers, chat, discord, fetch, feeds, replacement, insights);
    }

    /**
     * Every problem with the values, one line each; empty when the configuration is usable. Each section checks its
     * own; only what spans sections is checked here.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(index.problems());
        problems.addAll(retrieval.problems());
        problems.addAll(answers.problems());
        problems.addAll(chat.problems());
        problems.addAll(discord.problems());
        if (!index.solrBackend() && discord.myShards().size() != discord.totalShards()) {
            problems.add("running only some of discord.totalShards needs index.backend solr, so the other processes"
                    + " share the sources");
        }
        problems.addAll(fetch.problems());
        problems.addAll(sources.problems());
        problems.addAll(feeds.problems());
        problems.addAll(embedding.problems());
        problems.addAll(summary.problems());
        problems.addAll(insights.problems());
        return problems;
    }
}
