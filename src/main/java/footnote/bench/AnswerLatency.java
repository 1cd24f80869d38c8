package footnote.bench;

import footnote.answer.Answer;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Footnote's answer path timed warm on one thread, phase by phase: query embedding, Lucene search, fusion, excerpt
 * selection (the answer's own timings) and rendering, and the whole, question in to message out.
 */
public final class AnswerLatency {

    /** One answer's phases, in nanoseconds. */
    public record Sample(Answer.Timings timings, long renderNanos, long totalNanos) {}

    /** Per phase over every question, and the floor's on the same questions. */
    public record Result(Percentiles embed, Percentiles search, Percentiles fusion, Percentiles excerpts,
            Percentiles render, Percentiles total, Percentiles floor, Percentiles floorEmbed) {}

    private AnswerLatency() {}

    /**
     * Times every question through Footnote and through the floor, one right after the other, so that both see
     * the same JIT state, caches and machine load.
     *
     * @param warmUp answers given first and not timed, cycling through the questions, so the JIT settles
     * @param ask    answers and renders one question, timing itself
     * @param raw    the floor on the same passages
     */
    public static Result measure(List<String> questions, int warmUp, Function<String, Sample> ask, Floor raw) {
        int[] hits = new int[1];
        for (int i = 0; i < warmUp; i++) {
            ask.apply(questions.get(i % questions.size()));
            raw.run(questions.get(i % questions.size()), hits);
        }
        Sample[] samples = new Sample[questions.size()];
        long[] floor = new long[questions.size()];
        long[] floorEmbed = new long[questions.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = ask.apply(questions.get(i));
            Floor.Timing timing = raw.run(questions.get(i), hits);
            floor[i] = timing.totalNanos();
            floorEmbed[i] = timing.embedNanos();
        }
        return new Result(phase(samples, s -> s.timings().embedNanos()), phase(samples, s -> s.timings().searchNanos()),
                phase(samples, s -> s.timings().fusionNanos()), phase(samples, s -> s.timings().excerptNanos()),
                phase(samples, Sample::renderNanos), phase(samples, Sample::totalNanos), Percentiles.of(floor),
                Percentiles.of(floorEmbed));
    }

    private static Percentiles phase(Sample[] samples, ToLongFunction<Sample> nanos) {
        long[] values = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = nanos.applyAsLong(samples[i]);
        }
        return Percentiles.of(values);
    }
}
