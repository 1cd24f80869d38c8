package footnote.answer;

import java.util.List;
import java.util.Optional;

/**
 * The reply to a question, as what happened rather than as words: excerpts that answer it, a decline when the
 * sources do not, or small talk that is no question about the sources at all. Renderers put it into words.
 *
 * @param question   the question as asked
 * @param readAs     the question as it was searched, when that differs from what was asked (a misspelt word
 *                   corrected against the sources' own words, a chat abbreviation written out)
 * @param confidence how sure the answerer is that the first excerpt answers the question, in [0, 1]: the signal
 *                   it declines on, kept for every outcome so that it can be measured threshold-free
 * @param names      the names the question holds, as typed and in order ("jack ma", "document 79"): words it
 *                   writes with a capital or that the sources write so, with the numbers beside them; what a
 *                   follow-up's "he" or "it" can point back at
 */
public record Answer(String question, Optional<String> readAs, Outcome outcome, double confidence, Timings timings,
        List<String> names) {

    public Answer {
        names = List.copyOf(names);
    }

    /** An answer whose question's names are not known (made outside the answerer). */
    public Answer(String question, Optional<String> readAs, Outcome outcome, double confidence, Timings timings) {
        this(question, readAs, outcome, confidence, timings, List.of());
    }

    /** What the answerer made of the question. */
    public sealed interface Outcome permits Found, NotFound, SmallTalk {}

    /** Numbered excerpts that answer the question, best first; never empty. */
    public record Found(List<Excerpt> excerpts) implements Outcome {
        public Found {
            excerpts = List.copyOf(excerpts);
            if (excerpts.isEmpty()) {
                throw new IllegalArgumentException("a found answer has at least one excerpt");
            }
        }
    }

    /**
     * The sources do not answer the question.
     *
     * @param unknownTerms words of the question, as typed, that no source mentions at all: what a decline can name
     *                     without being mistaken for an answer
     */
    public record NotFound(List<String> unknownTerms) implements Outcome {
        public NotFound {
            unknownTerms = List.copyOf(unknownTerms);
        }
    }

    /** A greeting, thanks or a question about the bot itself: no question about the sources. */
    public record SmallTalk(Kind kind) implements Outcome {
        public enum Kind { GREETING, THANKS, ABOUT_BOT }
    }

    /** An answer as retrieval alone decides it: found when there are excerpts, else a plain decline. */
    public Answer(String question, List<Excerpt> excerpts, Timings timings) {
        this(question, Optional.empty(), excerpts.isEmpty() ? new NotFound(List.of()) : new Found(excerpts),
                excerpts.isEmpty() ? 0 : 1, timings);
    }

    public boolean found() {
        return outcome instanceof Found;
    }

    /** The excerpts, best first; none unless the answer was found. */
    public List<Excerpt> excerpts() {
        return outcome instanceof Found f ? f.excerpts() : List.of();
    }

    /** Where an answer's time went, in nanoseconds: benchmarks split latency by these. */
    public record Timings(long embedNanos, long searchNanos, long fusionNanos, long excerptNanos) {

        public static final Timings NONE = new Timings(0, 0, 0, 0);

        public long totalNanos() {
            return embedNanos + searchNanos + fusionNanos + excerptNanos;
        }
    }
}
