package footnote.chat;

import footnote.answer.Answer;
import footnote.answer.Citation;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.SentenceSplitter;
import footnote.corpus.SourceStatus;
import footnote.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders replies as Discord messages, always within Discord's limits: content of at most 2,000 characters. An
 * answer that would be longer is shortened where it costs least: the longest quote loses its last sentence first
 * (marked with an ellipsis), then words, then whole excerpts from the end; never mid-word, and Markdown is applied
 * after shortening, so no marker is ever left open. Links are wrapped in angle brackets so Discord shows no preview.
 */
public final class DiscordRenderer {

    /** Discord's limit on a message's content. */
    public static final int MAX_CONTENT = 2_000;
    /** A quote is not shortened below this: shorter than a sentence, it stops being evidence. */
    static final int MIN_QUOTE = 80;
    /** The longest title, byline, file name or link a citation shows; Discord's own embed titles stop at 256. */
    static final int MAX_FIELD = 256;
    private static final String ELLIPSIS = "…";
    /** The most a summary takes of a message, so that quotes, the evidence, always keep most of it. */
    static final int MAX_SUMMARY = 700;

    private final int maxContent;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public DiscordRenderer() {
        this(MAX_CONTENT);
    }

    DiscordRenderer(int maxContent) {
        this.maxContent = maxContent;
    }

    public OutgoingMessage render(Reply reply) {
        if (reply instanceof Reply.Answered answered) {
            return new OutgoingMessage(answer(answered.answer(), answered.summary()), false);
        }
        if (reply instanceof Reply.Sources sources) {
            return new OutgoingMessage(sources(sources), false);
        }
        if (reply instanceof Reply.SourceChanged changed) {
            return new OutgoingMessage(fit(Markdown.escape(changed.change().message())), !changed.change().done());
        }
        if (reply instanceof Reply.Jobs jobs) {
            return new OutgoingMessage(fit(Markdown.escape(String.join("\n", SourceLines.jobs(jobs.jobs())))), true);
        }
        if (reply instanceof Reply.Settings settings) {
            return new OutgoingMessage(fit(settings(settings)), true);
        }
        if (reply instanceof Reply.Refusal refusal) {
            return new OutgoingMessage(fit(refusal.message()), true);
        }
        if (reply instanceof Reply.Failure failure) {
            return new OutgoingMessage(fit(failure.message()), true);
        }
        return new OutgoingMessage(HELP, true);
    }

    static final String HELP = """
            Ask me about the articles I know, and I answer with quotes from them, each with its source.
            • `/ask question:…` ask a question (or mention me with your question)
            • `/sources list` see which sources I answer from
            • `/sources add url:…`, `/sources upload file:…` moderators: add an article page, an RSS/Atom feed or a file
            • `/sources remove id:…`, `/sources refresh`, `/sources status` moderators: manage the sources
            • `/settings …` moderators: moderator roles, ask channels, the sources shipped with the bot
            • `/help` this message""";

    private String answer(Answer answer, Optional<Summary> summary) {
        if (!answer.found()) {
            return TextRenderer.NOT_FOUND;
        }
        String top = summary.map(s -> summary(s, answer.excerpts(), Math.min(MAX_SUMMARY, maxContent / 3)) + "\n\n")
                .orElse("");
        return top + quotes(answer, maxContent - top.length());
    }

    /**
     * "**In short** (who wrote it): sentences [1]…" and its note in small print, within {@code max} characters:
     * whole sentences from the end go first, and only a first sentence too long on its own is cut. A sentence that
     * rests on captions alone ({@code excerpts} tell) is labelled as one.
     */
    static String summary(Summary summary, List<Excerpt> excerpts, int max) {
        String heading = "**In short** (" + TextRenderer.origin(summary) + "): ";
        String note = summary.note().map(n -> "\n-# " + Markdown.escape(n)).orElse("");
        if (heading.length() + note.length() + MIN_QUOTE > max) {
            note = "";
        }
        List<Summary.Sentence> sentences = new ArrayList<>(summary.sentences());
        String body = body(sentences, excerpts);
        while (sentences.size() > 1 && heading.length() + body.length() + note.length() > max) {
            sentences.remove(sentences.size() - 1);
            body = body(sentences, excerpts);
        }
        int room = max - heading.length() - note.length();
        if (body.length() > room) {
            Summary.Sentence only = sentences.get(0);
            String label = label(only, excerpts);
            body = label + escapedWithin(only.text(), room - label.length() - only.citations().length() - 1) + " "
                    + only.citations();
        }
        return heading + body + note;
    }

    private static String body(List<Summary.Sentence> sentences, List<Excerpt> excerpts) {
        return String.join(" ", sentences.stream()
                .map(s -> label(s, excerpts) + Markdown.escape(s.text()) + " " + s.citations()).toList());
    }

    /** {@code *Caption:* } before a summary sentence that rests on captions alone; empty otherwise. */
    private static String label(Summary.Sentence sentence, List<Excerpt> excerpts) {
        return Markdown.label(sentence, excerpts).map(label -> "*" + label + ":* ").orElse("");
    }

    /** {@code text} cut at a word so that, escaped, it takes at most {@code max} characters. */
    private static String escapedWithin(String text, int max) {
        int limit = Math.max(1, max);
        String escaped = Markdown.escape(cut(text, limit));
        while (escaped.length() > max && limit > 1) {
            limit -= escaped.length() - max;
            escaped = Markdown.escape(cut(text, Math.max(1, limit)));
        }
        return escaped;
    }

    /** The excerpts within {@code budget} characters. */
    private String quotes(Answer answer, int budget) {
        List<Excerpt> excerpts = new ArrayList<>(answer.excerpts());
        String content = layout(excerpts);
        while (content.length() > budget) {
            int longest = longestQuote(excerpts);
            Excerpt e = excerpts.get(longest);
            int over = content.length() - budget;
            if (e.text().length() > MIN_QUOTE) {
                excerpts.set(longest, shorten(e, Math.max(MIN_QUOTE, e.text().length() - over), splitter));
            } else if (excerpts.size() > 1) {
                excerpts.remove(excerpts.size() - 1);
            } else {
                // Unreachable while citation fields are capped (four of them, MAX_FIELD each), kept for safety:
                // plain text, so that cutting it cannot leave a Markdown marker open.
                return cut(Markdown.escape(e.citation().title() + ": " + e.text()), budget);
            }
            content = layout(excerpts);
        }
        return content;
    }

    private static String layout(List<Excerpt> excerpts) {
        StringBuilder out = new StringBuilder();
        for (Excerpt e : excerpts) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append("**[").append(e.number()).append("]** ").append(citation(e.citation()))
                    .append("\n> ").append(Markdown.label(e).map(label -> "*" + label + ":* ").orElse(""))
                    .append(Markdown.quote(e, true));
        }
        return out.toString();
    }

    private static int longestQuote(List<Excerpt> excerpts) {
        int longest = 0;
        for (int i = 1; i < excerpts.size(); i++) {
            if (excerpts.get(i).text().length() > excerpts.get(longest).text().length()) {
                longest = i;
            }
        }
        return longest;
    }

    /**
     * The excerpt cut to at most {@code maxChars}: whole leading sentences if any fit, else whole words; an
     * ellipsis marks the cut, and highlights beyond it are dropped.
     */
    static Excerpt shorten(Excerpt excerpt, int maxChars, SentenceSplitter splitter) {
        String text = excerpt.text();
        if (text.length() <= maxChars) {
            return excerpt;
        }
        int limit = maxChars - ELLIPSIS.length();
        int cut = 0;
        int at = 0;
        for (String sentence : splitter.split(text)) {
            int end = text.indexOf(sentence, at) + sentence.length();
            if (end > limit) {
                break;
            }
            cut = end;
            at = end;
        }
        if (cut == 0) {
            cut = wordBoundary(text, limit);
        }
        String kept = text.substring(0, cut).stripTrailing();
        List<Highlight> highlights = excerpt.highlights().stream().filter(h -> h.end() <= kept.length()).toList();
        return new Excerpt(excerpt.number(), kept + ELLIPSIS, highlights,
                excerpt.answer().filter(a -> a.end() <= kept.length()), excerpt.citation(), excerpt.kind(),
                excerpt.articleId(), excerpt.sourceId(), excerpt.firstSentence(), excerpt.lastSentence(),
                excerpt.evidence());
    }

    /**
     * {@code *Title* · byline · date · <link>} or the file name; the link in angle brackets shows no preview. Each
     * field is capped (a link too long to show is left out), so a citation never crowds out its quote. An undated
     * article's note on its date stands in for the date.
     */
    static String citation(Citation c) {
        StringBuilder out = new StringBuilder("*").append(Markdown.escape(clip(c.title()))).append('*');
        c.byline().ifPresent(b -> out.append(" · ").append(Markdown.escape(clip(b))));
        Markdown.date(c).ifPresent(d -> out.append(" · ").append(Markdown.escape(clip(d))));
        if (c.url().filter(u -> u.length() <= MAX_FIELD).isPresent()) {
            out.append(" · <").append(c.url().get()).append('>');
        } else {
            c.fileName().ifPresent(f -> out.append(" · ").append(Markdown.escape(clip(f))));
        }
        return out.toString();
    }

    static String clip(String text) {
        return cut(text, MAX_FIELD);
    }

    private String sources(Reply.Sources reply) {
        List<SourceStatus> sources = reply.sources();
        if (sources.isEmpty()) {
            return "There are no sources yet.";
        }
        StringBuilder out = new StringBuilder(reply.pages() > 1
                ? "**Sources, page " + reply.page() + " of " + reply.pages() + "**"
                : "**" + sources.size() + " sources**");
        String next = reply.page() < reply.pages() ? "\n`/sources list page:" + (reply.page() + 1) + "` for more" : "";
        for (SourceStatus s : sources) {
            String line = "\n• " + Markdown.escape(clip(s.title())) + " — `" + s.source().id() + "` · "
                    + Markdown.escape(SourceLines.details(s).replaceFirst("^id \\S+ · ", ""));
            if (out.length() + line.length() + next.length() > maxContent) {
                break;
            }
            out.append(line);
        }
        return out.append(next).toString();
    }

    private static String settings(Reply.Settings reply) {
        ServerSettings s = reply.settings();
        String roles = s.moderatorRoles().isEmpty() ? "none (members with Manage Server are moderators)"
                : String.join(", ", s.moderatorRoles().stream().map(r -> "<@&" + r + ">").toList());
        String channels = s.askChannels().isEmpty() ? "none (ask with /ask or by mentioning me)"
                : String.join(", ", s.askChannels().stream().map(c -> "<#" + c + ">").toList());
        return reply.change().map(c -> c + "\n").orElse("") + "Moderator roles: " + roles
                + "\nChannels where every message is a question: " + channels
                + "\nSources shipped with the bot: " + (s.showBundled() ? "shown" : "hidden");
    }

    /** Text that must fit: cut at a word boundary with an ellipsis. */
    private String fit(String text) {
        return cut(text, maxContent);
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, wordBoundary(text, max - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }

    /** Where to cut {@code text} at or before {@code limit} without splitting a word; mid-word only for one word
     * longer than the whole limit. */
    private static int wordBoundary(String text, int limit) {
        int end = limit;
        while (end > 0 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return end > 0 ? end : limit;
    }
}
