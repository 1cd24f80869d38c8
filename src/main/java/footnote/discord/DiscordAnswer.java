package footnote.discord;

import footnote.answer.Answer;
import footnote.answer.Citation;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.chat.CitedArticle;
import footnote.chat.Markdown;
import footnote.chat.Shortening;
import footnote.chat.Wording;
import footnote.corpus.SentenceSplitter;
import footnote.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An answer as a Discord message: how the question was read when it was corrected (small print), the summary,
 * the numbered quotes (a caption's labelled as one, so that it never reads as the article's prose), then each
 * article they come from once: title, author or publisher, date (or, for an undated article, its note on when it
 * was written) and link. A file name means nothing to a member, so it is left out. Small talk and declines are one
 * line.
 *
 * <p>Two lengths. A reply should be read at a glance: above {@link #TARGET} characters, the quotes lose sentences
 * at their ends that hold none of the question's key terms and not the answer, from the last excerpt up; nothing
 * else goes for it. Discord's limit, {@link DiscordRenderer#MAX_CONTENT}, is a hard one: above it the longest quote
 * loses its last sentence (marked with an ellipsis), then words, then whole excerpts go from the end; never
 * mid-word, and Markdown is applied after shortening, so no marker is ever left open. Links are wrapped in angle
 * brackets so Discord shows no preview.
 */
final class DiscordAnswer {

    /**
     * What a reply aims to fit in: the target for the median reply. A one-line question got 1,750-2,075
     * characters (median 1,837 on the development questions), a quarter to a third of it the same sentences twice
     * (summary and quotes) and up to a sixth the same citation again; without those, trimming sentences that hold
     * no key term brings the median to 1,114 (BundledRepliesTest).
     */
    static final int TARGET = 1_200;
    /** A quote is not shortened below this: shorter than a sentence, it stops being evidence. */
    static final int MIN_QUOTE = 80;
    /** The longest title, byline or link a citation shows; Discord's own embed titles stop at 256. */
    static final int MAX_FIELD = 256;
    /** The most a summary takes of a message, so that quotes, the evidence, always keep most of it. */
    static final int MAX_SUMMARY = 700;
    /** How to ask in Discord, for small talk. */
    static final String HOW_TO_ASK = "Ask with `/ask` or by mentioning me.";
    private static final String LEADING_ELLIPSIS = Shortening.ELLIPSIS + " ";

    private final int maxContent;
    private final SentenceSplitter splitter;

    DiscordAnswer(int maxContent, SentenceSplitter splitter) {
        this.maxContent = maxContent;
        this.splitter = splitter;
    }

    /** @param reading how the question was read, when not as typed: shown first, in small print */
    String render(Answer answer, Optional<Summary> summary, Optional<String> reading) {
        if (answer.outcome() instanceof Answer.SmallTalk talk) {
            return Wording.smallTalk(talk.kind(), HOW_TO_ASK);
        }
        String readAs = reading.map(line -> "-# " + line + "\n").orElse("");
        if (answer.outcome() instanceof Answer.NotFound notFound) {
            return Shortening.cut(readAs + Wording.decline(notFound.unknownTerms(), Markdown::escape), maxContent);
        }
        String top = readAs + summary.map(s -> summary(s, answer.excerpts(), Math.min(MAX_SUMMARY, maxContent / 3))
                + "\n\n").orElse("");
        return top + quotes(answer.excerpts(), TARGET - top.length(), maxContent - top.length());
    }

    /**
     * The summary and its note in small print, within {@code max} characters: a model's as "**In short** (written
     * by …): sentences [1]…", the extractive one, the answer quoted, as {@code **In short:** “…” [1]}. Whole
     * sentences from the end go first, and only a first sentence too long on its own is cut. A sentence that rests
     * on captions alone ({@code excerpts} tell) is labelled as one: {@code *Caption:* “…” [1]}.
     */
    static String summary(Summary summary, List<Excerpt> excerpts, int max) {
        boolean model = summary.origin() == Summary.Origin.MODEL;
        String heading = model ? "**In short** (" + Wording.BY_MODEL + "): " : "**In short:** ";
        UnaryOperator<String> quoted = model ? UnaryOperator.identity() : text -> "“" + text + "”";
        String note = summary.note().map(n -> "\n-# " + Markdown.escape(n)).orElse("");
        if (heading.length() + note.length() + MIN_QUOTE > max) {
            note = "";
        }
        List<Summary.Sentence> sentences = new ArrayList<>(summary.sentences());
        String body = body(sentences, excerpts, quoted);
        while (sentences.size() > 1 && heading.length() + body.length() + note.length() > max) {
            sentences.remove(sentences.size() - 1);
            body = body(sentences, excerpts, quoted);
        }
        int room = max - heading.length() - note.length();
        if (body.length() > room) {
            Summary.Sentence only = sentences.get(0);
            String label = label(only, excerpts);
            int marks = label.length() + quoted.apply("").length();
            body = label + quoted.apply(escapedWithin(only.text(), room - only.citations().length() - 1 - marks))
                    + " " + only.citations();
        }
        return heading + body + note;
    }

    private static String body(List<Summary.Sentence> sentences, List<Excerpt> excerpts,
            UnaryOperator<String> quoted) {
        return String.join(" ", sentences.stream()
                .map(s -> label(s, excerpts) + quoted.apply(Markdown.escape(s.text())) + " " + s.citations()).toList());
    }

    /** {@code *Caption:* } before a summary sentence that rests on captions alone; empty otherwise. */
    private static String label(Summary.Sentence sentence, List<Excerpt> excerpts) {
        return Markdown.label(sentence, excerpts).map(DiscordAnswer::label).orElse("");
    }

    /** {@code *Caption:* } before a caption's quote; empty for prose. */
    private static String label(Excerpt excerpt) {
        return Markdown.label(excerpt).map(DiscordAnswer::label).orElse("");
    }

    private static String label(String label) {
        return "*" + label + ":* ";
    }

    /** {@code text} cut at a word so that, escaped, it takes at most {@code max} characters. */
    private static String escapedWithin(String text, int max) {
        int limit = Math.max(1, max);
        String escaped = Markdown.escape(Shortening.cut(text, limit));
        while (escaped.length() > max && limit > 1) {
            limit -= escaped.length() - max;
            escaped = Markdown.escape(Shortening.cut(text, Math.max(1, limit)));
        }
        return escaped;
    }

    /** The quotes and their articles, aiming at {@code target} characters, never above {@code budget}. */
    private String quotes(List<Excerpt> excerpts, int target, int budget) {
        String content = layout(excerpts);
        if (content.length() <= Math.min(target, budget)) {
            return content; // most answers: no sentence splitting at all
        }
        List<Quote> quotes = new ArrayList<>();
        for (Excerpt e : excerpts) {
            quotes.add(Quote.of(e, splitter));
        }
        while (content.length() > target && trimOneUnmarkedEnd(quotes)) {
            content = layout(shown(quotes));
        }
        return fit(shown(quotes), content, budget);
    }

    /**
     * Drops one end sentence that holds no key term and no part of the answer, from the last quote with one: its
     * last sentence before its first, since a passage's opening sets up what follows. False when none is left.
     */
    private static boolean trimOneUnmarkedEnd(List<Quote> quotes) {
        for (int i = quotes.size() - 1; i >= 0; i--) {
            Quote q = quotes.get(i);
            if (q.size() < 2) {
                continue;
            }
            if (!q.marked(q.last() - 1)) {
                quotes.set(i, q.withEnds(q.first(), q.last() - 1));
                return true;
            }
            if (!q.marked(q.first())) {
                quotes.set(i, q.withEnds(q.first() + 1, q.last()));
                return true;
            }
        }
        return false;
    }

    private static List<Excerpt> shown(List<Quote> quotes) {
        return quotes.stream().map(Quote::excerpt).toList();
    }

    /** {@code content}, the layout of {@code excerpts}, brought within {@code budget}: Discord's hard limit. */
    private String fit(List<Excerpt> shown, String content, int budget) {
        List<Excerpt> excerpts = new ArrayList<>(shown);
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
                return Shortening.cut(Markdown.escape(e.citation().title() + ": " + e.text()), budget);
            }
            content = layout(excerpts);
        }
        return content;
    }

    /** Each quote under its number, a blank line apart; then each article once, with the numbers it backs. */
    static String layout(List<Excerpt> excerpts) {
        StringBuilder out = new StringBuilder();
        for (Excerpt e : excerpts) {
            out.append("> **[").append(e.number()).append("]** ").append(label(e)).append(Markdown.quote(e, true))
                    .append("\n\n");
        }
        for (CitedArticle article : CitedArticle.of(excerpts)) {
            out.append("**").append(article.cites()).append("** ").append(citation(article.citation())).append('\n');
        }
        return out.toString().stripTrailing();
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
        int limit = maxChars - Shortening.ELLIPSIS.length();
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
            cut = Shortening.wordBoundary(text, limit);
        }
        String kept = text.substring(0, cut).stripTrailing();
        return within(excerpt, kept + Shortening.ELLIPSIS, 0, kept.length(), 0);
    }

    /**
     * The excerpt showing {@code shown}: its text's run {@code [from, to)}, placed at {@code at} in it; highlights
     * and the answer span move with it, and those not wholly inside are dropped.
     */
    private static Excerpt within(Excerpt e, String shown, int from, int to, int at) {
        List<Highlight> highlights = e.highlights().stream().filter(h -> h.start() >= from && h.end() <= to)
                .map(h -> new Highlight(h.start() - from + at, h.end() - from + at)).toList();
        Optional<Highlight> answer = e.answer().filter(h -> h.start() >= from && h.end() <= to)
                .map(h -> new Highlight(h.start() - from + at, h.end() - from + at));
        return new Excerpt(e.number(), shown, highlights, answer, e.citation(), e.kind(), e.articleId(),
                e.sourceId(), e.firstSentence(), e.lastSentence(), e.evidence());
    }

    /**
     * {@code *Title* · byline · date · <link>}; the link in angle brackets shows no preview. Each field is capped
     * (a link too long to show is left out), so a citation never crowds out its quote. An undated article's note on
     * its date stands in for the date. No file name: in Discord it tells a member nothing about where to read.
     */
    static String citation(Citation c) {
        StringBuilder out = new StringBuilder("*").append(Markdown.escape(clip(c.title()))).append('*');
        c.byline().ifPresent(b -> out.append(" · ").append(Markdown.escape(clip(b))));
        Markdown.date(c).ifPresent(d -> out.append(" · ").append(Markdown.escape(clip(d))));
        c.url().filter(u -> u.length() <= MAX_FIELD).ifPresent(u -> out.append(" · <").append(u).append('>'));
        return out.toString();
    }

    static String clip(String text) {
        return Shortening.cut(text, MAX_FIELD);
    }

    /**
     * An excerpt as it is being trimmed: its sentences {@code [first, last)} are shown, with an ellipsis where
     * sentences were left out.
     *
     * @param sentences each sentence's place in the excerpt's text
     */
    private record Quote(Excerpt whole, List<Run> sentences, int first, int last) {

        /** {@code [start, end)} of a text. */
        record Run(int start, int end) {

            boolean overlaps(Highlight h) {
                return h.start() < end && start < h.end();
            }
        }

        static Quote of(Excerpt excerpt, SentenceSplitter splitter) {
            String text = excerpt.text();
            List<Run> sentences = new ArrayList<>();
            int from = 0;
            for (String sentence : splitter.split(text)) {
                int start = text.indexOf(sentence, from);
                if (start < 0) {
                    // The splitter normalised something: such an excerpt is shown whole, never trimmed.
                    return new Quote(excerpt, List.of(new Run(0, text.length())), 0, 1);
                }
                from = start + sentence.length();
                sentences.add(new Run(start, from));
            }
            return sentences.isEmpty() ? new Quote(excerpt, List.of(new Run(0, text.length())), 0, 1)
                    : new Quote(excerpt, sentences, 0, sentences.size());
        }

        int size() {
            return last - first;
        }

        Quote withEnds(int newFirst, int newLast) {
            return new Quote(whole, sentences, newFirst, newLast);
        }

        /** Whether sentence {@code i} holds a key term or part of the answer. */
        boolean marked(int i) {
            Run sentence = sentences.get(i);
            return whole.highlights().stream().anyMatch(sentence::overlaps)
                    || whole.answer().filter(sentence::overlaps).isPresent();
        }

        Excerpt excerpt() {
            if (first == 0 && last == sentences.size()) {
                return whole;
            }
            int from = sentences.get(first).start();
            int to = sentences.get(last - 1).end();
            String lead = first > 0 ? LEADING_ELLIPSIS : "";
            String tail = last < sentences.size() ? Shortening.ELLIPSIS : "";
            return within(whole, lead + whole.text().substring(from, to) + tail, from, to, lead.length());
        }
    }
}
