package footnote.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The answerer's trained judgement, in two linear parts over {@link Signals}: a ranker that orders a question's
 * candidate passages (a conditional logit: which of these holds the answer), and a decider that reads the best
 * candidate and says how likely it is to answer the question at all (a logistic regression: answers, or only
 * resembles). Both are trained by {@code footnote train} on public question sets; the weights ship as a resource.
 *
 * @param threshold  the least decider probability at which the best candidate is quoted
 * @param support    the least probability at which a further candidate is quoted beside it
 * @param trainedOn  what the weights were trained on, and the command that reproduces them
 */
public record AnswerModel(
        @JsonProperty("signals") List<String> signals,
        @JsonProperty("ranker") Linear ranker,
        @JsonProperty("decider") Linear decider,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("support") double support,
        @JsonProperty("trainedOn") String trainedOn) implements Judge {

    /** Where the shipped weights live on the class path. */
    public static final String RESOURCE = "/footnote/answer/answer-model.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a failed explicit constraint ({@link Signals#CONSTRAINTS}: a rare name, a number or date, the speaker
     * of "what did X say", the date or number a "when" or "how many" asks for) leaves of the model's confidence.
     * Hand-set rather than learned: the training questions (SQuAD's) almost never set such constraints, so the
     * model cannot learn how much they weigh, while a passage that fails one does not answer the question as asked.
     */
    static final double UNMET = 0.2;

    /**
     * A linear function of standardised inputs: {@code bias + sum(weights[i] * (x[i] - mean[i]) / scale[i])}.
     */
    public record Linear(
            @JsonProperty("mean") double[] mean,
            @JsonProperty("scale") double[] scale,
            @JsonProperty("weights") double[] weights,
            @JsonProperty("bias") double bias) {

        public Linear {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(weights, "weights");
            if (mean.length != weights.length || scale.length != weights.length) {
                throw new IllegalArgumentException("mean, scale and weights differ in length");
            }
        }

        Linear rounded() {
            return new Linear(roundAll(mean), roundAll(scale), roundAll(weights), round(bias));
        }

        private static double[] roundAll(double[] values) {
            return java.util.Arrays.stream(values).map(AnswerModel::round).toArray();
        }

        double apply(double[] x) {
            if (x.length != weights.length) {
                throw new IllegalArgumentException("expected " + weights.length + " inputs, got " + x.length);
            }
            double sum = bias;
            for (int i = 0; i < x.length; i++) {
                sum += weights[i] * (x[i] - mean[i]) / scale[i];
            }
            return sum;
        }
    }

    public AnswerModel {
        signals = List.copyOf(signals);
        if (!signals.equals(Signals.NAMES)) {
            throw new IllegalArgumentException("the model was trained on other signals (" + signals
                    + "); retrain it with footnote train");
        }
        if (ranker.weights().length != signals.size() || decider.weights().length != signals.size() + 1) {
            throw new IllegalArgumentException("the model's weights do not match its signals");
        }
    }

    /** The shipped model. */
    public static AnswerModel shipped() {
        try (InputStream in = AnswerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return JSON.readValue(in, AnswerModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }

    /**
     * Writes the model with every number to 10 significant digits, and below 1e-12 as 0: training adds up in
     * parallel, so the last bits of a weight differ between two runs (by about 1e-15), and the same command should
     * write the same file.
     */
    public void write(Path file) throws IOException {
        AnswerModel rounded = new AnswerModel(signals, ranker.rounded(), decider.rounded(), round(threshold),
                round(support), trainedOn);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rounded);
    }

    static double round(double value) {
        if (Math.abs(value) < 1e-12) {
            return 0; // what is zero but for the order of a sum (a constant signal's mean, say)
        }
        if (!Double.isFinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(10)).doubleValue();
    }

    /**
     * What a failed explicit constraint costs a candidate's rank, in the ranker's own (log-odds) units: enough to
     * put a passage that meets the question's constraints ahead of one that only resembles it more.
     */
    static final double UNMET_RANK = 1.0;

    /** How strongly a candidate, against the question's other candidates, holds the answer: higher is better. */
    double rank(Signals signals) {
        return rank(ranker, signals);
    }

    static double rank(Linear ranker, Signals signals) {
        return ranker.apply(signals.values()) - UNMET_RANK * signals.unmet();
    }

    @Override
    public double rank(Signals signals, Evidence evidence) {
        return rank(signals);
    }

    @Override
    public double confidence(Signals signals, Evidence evidence, double rank) {
        return confidence(signals, rank);
    }

    /**
     * The probability that the best candidate answers the question, given its signals and its rank score, scaled
     * down by {@link #UNMET} for each explicit constraint of the question the candidate fails.
     */
    double confidence(Signals signals, double rankScore) {
        double[] x = java.util.Arrays.copyOf(signals.values(), signals.values().length + 1);
        x[x.length - 1] = rankScore;
        return Math.pow(UNMET, signals.unmet()) / (1 + Math.exp(-decider.apply(x)));
    }
}
