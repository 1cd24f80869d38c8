package footnote.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.answer.Answer;
import footnote.answer.Citation;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceState;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders replies as JSON for scripts: stable snake_case keys, plain text and Markdown side by side, offsets of the
 * highlights in the plain text, and null where a citation field is unknown. Each excerpt says what it quotes
 * ({@code kind}: {@code prose} or {@code caption}) and how a reader is told ({@code label}, null for prose).
 */
public final class JsonRenderer implements Reply.Visitor<ObjectNode> {

    private final ObjectMapper json = new ObjectMapper();

    public String render(Reply reply) {
        ObjectNode root = reply.accept(this);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    @Override
    public ObjectNode answered(Reply.Answered reply) {
        ObjectNode root = json.createObjectNode();
        answer(root.put("type", "answer"), reply.answer(), reply.summary());
        root.put("in_context", reply.inContext().orElse(null));
        return root;
    }

    @Override
    public ObjectNode help(Reply.Help reply) {
        return json.createObjectNode().put("type", "help").put("message", new TextRenderer().help(reply));
    }

    @Override
    public ObjectNode sources(Reply.Sources reply) {
        ObjectNode root = json.createObjectNode().put("type", "sources").put("page", reply.page())
                .put("pages", reply.pages());
        ArrayNode list = root.putArray("sources");
        for (SourceStatus s : reply.sources()) {
            source(list.addObject(), s);
        }
        return root;
    }

    @Override
    public ObjectNode sourceChanged(Reply.SourceChanged reply) {
        ObjectNode root = json.createObjectNode().put("type", "source_change").put("done", reply.change().done())
                .put("outcome", outcome(reply.change())).put("message", SourceChangeWording.words(reply.change()));
        reply.change().source().ifPresent(s -> source(root.putObject("source"), s));
        return root;
    }

    @Override
    public ObjectNode jobs(Reply.Jobs reply) {
        ObjectNode root = json.createObjectNode().put("type", "jobs");
        reply.jobs().running().forEach(a -> root.withArray("running").add(SourceLines.activity(a)));
        reply.jobs().queued().forEach(a -> root.withArray("queued").add(SourceLines.activity(a)));
        reply.jobs().failed().forEach(f -> source(root.withArray("failed").addObject(), f));
        return root;
    }

    /**
     * The settings, and the change worded as in Discord, roles and channels as mentions: settings only exist in
     * Discord servers, so the sentence is the one the server's members read.
     */
    @Override
    public ObjectNode settings(Reply.Settings reply) {
        ObjectNode root = json.createObjectNode();
        ObjectNode node = root.put("type", "settings").putObject("settings");
        reply.settings().moderatorRoles().forEach(node.withArray("moderator_roles")::add);
        reply.settings().askChannels().forEach(node.withArray("ask_channels")::add);
        node.put("show_bundled", reply.settings().showBundled());
        node.put("answers_in", reply.settings().answersIn().name().toLowerCase(Locale.ROOT));
        node.put("digest_channel", reply.settings().digestChannel().orElse(null));
        root.put("change", reply.change()
                .map(c -> Wording.settingChange(c, role -> "<@&" + role + ">", channel -> "<#" + channel + ">"))
                .orElse(null));
        return root;
    }

    @Override
    public ObjectNode insights(Reply.Insights reply) {
        ObjectNode root = json.createObjectNode().put("type", "insights")
                .put("message", InsightLines.headline(reply.report()));
        root.set("report", InsightReportJson.report(reply.report()));
        return root;
    }

    @Override
    public ObjectNode insightsForgotten(Reply.InsightsForgotten reply) {
        return json.createObjectNode().put("type", "insights_forgotten").put("deleted", reply.deleted())
                .put("message", InsightLines.forgotten(reply.deleted(), true));
    }

    @Override
    public ObjectNode insightsOff(Reply.InsightsOff reply) {
        return json.createObjectNode().put("type", "insights_off").put("message", InsightLines.OFF_FOR_OPERATOR);
    }

    @Override
    public ObjectNode refusal(Reply.Refusal reply) {
        return json.createObjectNode().put("type", "refusal").put("message", reply.message());
    }

    @Override
    public ObjectNode failure(Reply.Failure reply) {
        return json.createObjectNode().put("type", "failure").put("message", reply.message());
    }

    /** Which outcome it was, so a script need not read the sentence: {@code added}, {@code refused}, ... */
    private static String outcome(SourceChange change) {
        return change.accept(new SourceChange.Visitor<String>() {
            @Override
            public String added(SourceChange.Added c) {
                return "added";
            }

            @Override
            public String refreshed(SourceChange.Refreshed c) {
                return "refreshed";
            }

            @Override
            public String unchanged(SourceChange.Unchanged c) {
                return "unchanged";
            }

            @Override
            public String refreshedAll(SourceChange.RefreshedAll c) {
                return "refreshed_all";
            }

            @Override
            public String removed(SourceChange.Removed c) {
                return "removed";
            }

            @Override
            public String stopped(SourceChange.Stopped c) {
                return "stopped";
            }

            @Override
            public String refused(SourceChange.Refused c) {
                return "refused";
            }

            @Override
            public String failed(SourceChange.Failed c) {
                return "failed";
            }
        });
    }

    private static void source(ObjectNode node, SourceStatus s) {
        node.put("id", s.source().id()).put("kind", s.source().kind().label()).put("scope", s.source().scope().id())
                .put("title", s.title()).put("state", s.state().name().toLowerCase(Locale.ROOT))
                .put("last_fetched", s.lastFetched().map(Object::toString).orElse(null))
                .put("articles", s.articles()).put("passages", s.passages())
                .put("problem", s.problem().map(p -> SourceChangeWording.recorded(s.title(), p)).orElse(null));
    }

    /**
     * The outcome as data: {@code outcome} ({@code found}, {@code not_found} or {@code small_talk}), the words no
     * source mentions, the kind of small talk, the question as searched, and the line the terminal shows for a
     * decline or small talk under {@code message}.
     */
    private static void answer(ObjectNode root, Answer answer, Optional<Summary> summary) {
        root.put("question", answer.question()).put("read_as", answer.readAs().orElse(null))
                .put("outcome", outcome(answer.outcome())).put("found", answer.found())
                .put("confidence", round(answer.confidence()));
        ArrayNode unknown = root.putArray("unknown_terms");
        if (answer.outcome() instanceof Answer.NotFound notFound) {
            notFound.unknownTerms().forEach(unknown::add);
        }
        root.put("small_talk", answer.outcome() instanceof Answer.SmallTalk talk
                ? talk.kind().name().toLowerCase(Locale.ROOT) : null);
        TextRenderer.outcomeLine(answer).ifPresent(line -> root.put("message", line));
        if (summary.isPresent()) {
            summary(root.putObject("summary"), summary.get(), answer.excerpts());
        } else {
            root.putNull("summary");
        }
        ArrayNode excerpts = root.putArray("excerpts");
        for (Excerpt e : answer.excerpts()) {
            ObjectNode node = excerpts.addObject().put("number", e.number())
                    .put("kind", e.kind().id()).put("label", Markdown.label(e).orElse(null))
                    .put("text", e.text()).put("markdown", Markdown.quote(e));
            ArrayNode highlights = node.putArray("highlights");
            for (Highlight h : e.highlights()) {
                highlights.addObject().put("start", h.start()).put("end", h.end());
            }
            if (e.answer().isPresent() && e.answer().get().end() <= e.text().length()) {
                Highlight a = e.answer().get();
                node.putObject("answer").put("start", a.start()).put("end", a.end())
                        .put("text", e.text().substring(a.start(), a.end()));
            } else {
                node.putNull("answer");
            }
            citation(node.putObject("citation"), e.citation());
            node.put("source_id", e.sourceId()).put("article_id", e.articleId())
                    .put("first_sentence", e.firstSentence()).put("last_sentence", e.lastSentence());
            node.putObject("evidence").put("cosine", round(e.evidence().cosine()))
                    .put("coverage", round(e.evidence().coverage()));
        }
        root.putObject("timings_ms").put("embed", millis(answer.timings().embedNanos()))
                .put("search", millis(answer.timings().searchNanos()))
                .put("fusion", millis(answer.timings().fusionNanos()))
                .put("excerpts", millis(answer.timings().excerptNanos()));
    }

    private static String outcome(Answer.Outcome outcome) {
        if (outcome instanceof Answer.Found) {
            return "found";
        }
        return outcome instanceof Answer.NotFound ? "not_found" : "small_talk";
    }

    /**
     * The summary as shown, its origin, its note (null if none) and each sentence with the excerpts it cites and
     * its label ({@code Caption} when it rests on captions alone, else null).
     */
    private static void summary(ObjectNode node, Summary summary, List<Excerpt> excerpts) {
        node.put("text", summary.text()).put("origin", summary.origin().name().toLowerCase(Locale.ROOT))
                .put("note", summary.note().orElse(null));
        ArrayNode sentences = node.putArray("sentences");
        for (Summary.Sentence sentence : summary.sentences()) {
            ArrayNode cites = sentences.addObject().put("text", sentence.text())
                    .put("label", Markdown.label(sentence, excerpts).orElse(null)).putArray("cites");
            sentence.cites().forEach(cites::add);
        }
    }

    private static void citation(ObjectNode node, Citation c) {
        node.put("title", c.title());
        node.put("author", c.author().orElse(null));
        node.put("publisher", c.publisher().orElse(null));
        node.put("published", c.published().map(d -> d.iso()).orElse(null));
        node.put("date_note", c.dateNote().orElse(null));
        node.put("url", c.url().orElse(null));
        node.put("file", c.fileName().orElse(null));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
