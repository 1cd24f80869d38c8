package footnote.answer;

import footnote.corpus.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trains the {@link AnswerModel} from questions with known answers, by running each through the answerer's own
 * retrieval and signals, so the model learns from exactly what it will see. Deterministic: the same questions over
 * the same index give the same weights.
 *
 * <p>A candidate counts as answering when its passage contains one of the question's answer strings (case and
 * curly quotes aside). The ranker learns, among a question's candidates, which holds the answer (answerable
 * questions with one such candidate). The decider learns, from the ranker's first choice, whether the question is
 * answered: positives are answerable questions whose first choice holds the answer, negatives unanswerable ones.
 * Both are fitted by gradient ascent on the log-likelihood with a small L2 penalty; hand-written because it is
 * forty lines, where a library (Smile is GPL, Tribuo brings a framework) would weigh more than the code.
 */
public final class AnswerModelTrainer {

    /** A question and the strings an answer holds; none when the sources cannot answer it. */
    public record Example(String question, List<String> answers) {
        public Example {
            answers = List.copyOf(answers);
        }
    }

    private static final int ITERATIONS = 400;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-3;

    private AnswerModelTrainer() {}

    /** A question as the answerer saw it: each candidate's signals, and whether its passage holds the answer. */
    public record Seen(Example example, List<Signals> candidates, List<Boolean> answering) {
        public Seen {
            candidates = List.copyOf(candidates);
            answering = List.copyOf(answering);
        }
    }

    /** Runs every question through the answerer's retrieval and signals. */
    public static List<Seen> examine(Answerer answerer, List<Example> examples, Set<Scope> scopes) {
        List<Seen> seen = new ArrayList<>();
        for (Example example : examples) {
            List<Answerer.Examined> examined = answerer.examine(example.question(), scopes);
            seen.add(new Seen(example, examined.stream().map(Answerer.Examined::signals).toList(),
                    examined.stream().map(e -> holds(e.text(), example.answers())).toList()));
        }
        return seen;
    }

    /**
     * @param budget       the share of answerable training questions the threshold may decline
     * @param supportShare a further candidate is quoted beside the best when its confidence is at least this
     *                     share of the threshold
     */
    public static AnswerModel train(List<Seen> seen, double budget, double supportShare, String trainedOn) {
        AnswerModel.Linear ranker = fitRanker(seen);
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (Seen s : seen) {
            int top = best(ranker, s.candidates());
            if (top < 0 || (!s.example().answers().isEmpty() && !s.answering().get(top))) {
                continue;
            }
            x.add(withRank(s.candidates().get(top), ranker));
            y.add(!s.example().answers().isEmpty());
        }
        AnswerModel.Linear decider = fitLogistic(x, y);
        AnswerModel draft = new AnswerModel(Signals.NAMES, ranker, decider, 0, 0, trainedOn);
        double[] confidences = seen.stream().filter(s -> !s.example().answers().isEmpty())
                .mapToDouble(s -> topConfidence(draft, s.candidates())).sorted().toArray();
        double threshold = quantile(confidences, budget);
        return new AnswerModel(Signals.NAMES, ranker, decider, threshold, threshold * supportShare, trainedOn);
    }

    static boolean holds(String text, List<String> answers) {
        String folded = fold(text);
        return answers.stream().anyMatch(a -> folded.contains(fold(a)));
    }

    private static String fold(String text) {
        return text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').toLowerCase(Locale.ROOT);
    }

    private static double topConfidence(AnswerModel model, List<Signals> candidates) {
        int top = best(model.ranker(), candidates);
        return top < 0 ? 0 : model.confidence(candidates.get(top), model.rank(candidates.get(top)));
    }

    private static int best(AnswerModel.Linear ranker, List<Signals> candidates) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            double score = AnswerModel.rank(ranker, candidates.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static double[] withRank(Signals signals, AnswerModel.Linear ranker) {
        double[] x = Arrays.copyOf(signals.values(), signals.values().length + 1);
        x[x.length - 1] = AnswerModel.rank(ranker, signals);
        return x;
    }

    private static double quantile(double[] sorted, double share) {
        if (sorted.length == 0) {
            return 0.5;
        }
        int index = (int) Math.floor(share * sorted.length);
        return index <= 0 ? sorted[0] - 1e-9 : (sorted[index - 1] + sorted[Math.min(index, sorted.length - 1)]) / 2;
    }

    /** Conditional logit: maximises, per question, the softmax probability of its answering candidates. */
    private static AnswerModel.Linear fitRanker(List<Seen> seen) {
        List<double[][]> groups = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (Seen s : seen) {
            if (!s.answering().contains(true)) {
                continue;
            }
            double[][] g = s.candidates().stream().map(Signals::values).toArray(double[][]::new);
            boolean[] l = new boolean[g.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = s.answering().get(i);
            }
            groups.add(g);
            labels.add(l);
            all.addAll(Arrays.asList(g));
        }
        int d = Signals.NAMES.size();
        double[] mean = mean(all, d);
        double[] scale = scale(all, mean, d);
        double[] w = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[d];
            for (int q = 0; q < groups.size(); q++) {
                double[][] g = groups.get(q);
                double[] score = new double[g.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < g.length; i++) {
                    score[i] = dot(w, g[i], mean, scale);
                    max = Math.max(max, score[i]);
                }
                double sum = 0;
                double positive = 0;
                for (int i = 0; i < g.length; i++) {
                    score[i] = Math.exp(score[i] - max);
                    sum += score[i];
                    positive += labels.get(q)[i] ? score[i] : 0;
                }
                for (int i = 0; i < g.length; i++) {
                    double p = score[i] / sum;
                    double target = labels.get(q)[i] ? score[i] / positive : 0;
                    for (int j = 0; j < d; j++) {
                        gradient[j] += (target - p) * (g[i][j] - mean[j]) / scale[j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                w[j] += RATE * (gradient[j] / Math.max(1, groups.size()) - L2 * w[j]);
            }
        }
        return new AnswerModel.Linear(mean, scale, w, 0);
    }

    private static AnswerModel.Linear fitLogistic(List<double[]> x, List<Boolean> y) {
        int d = Signals.NAMES.size() + 1;
        double[] mean = mean(x, d);
        double[] scale = scale(x, mean, d);
        double[] w = new double[d];
        double bias = 0;
        for (int it = 0; it < ITERATIONS * 2; it++) {
            double[] gradient = new double[d];
            double biasGradient = 0;
            for (int i = 0; i < x.size(); i++) {
                double p = 1 / (1 + Math.exp(-(bias + dot(w, x.get(i), mean, scale))));
                double error = (y.get(i) ? 1 : 0) - p;
                biasGradient += error;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * (x.get(i)[j] - mean[j]) / scale[j];
                }
            }
            int n = Math.max(1, x.size());
            bias += RATE * biasGradient / n;
            for (int j = 0; j < d; j++) {
                w[j] += RATE * (gradient[j] / n - L2 * w[j]);
            }
        }
        return new AnswerModel.Linear(mean, scale, w, bias);
    }

    private static double dot(double[] w, double[] x, double[] mean, double[] scale) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * (x[j] - mean[j]) / scale[j];
        }
        return sum;
    }

    private static double[] mean(List<double[]> rows, int d) {
        double[] mean = new double[d];
        rows.forEach(r -> { for (int j = 0; j < d; j++) { mean[j] += r[j] / rows.size(); } });
        return mean;
    }

    /** Standard deviations, 1 where a signal never varies (so it is ignored rather than divided by zero). */
    private static double[] scale(List<double[]> rows, double[] mean, int d) {
        double[] var = new double[d];
        rows.forEach(r -> { for (int j = 0; j < d; j++) { var[j] += Math.pow(r[j] - mean[j], 2) / rows.size(); } });
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            scale[j] = var[j] > 1e-12 ? Math.sqrt(var[j]) : 1;
        }
        return scale;
    }
}
