package footnote.answer;

import footnote.corpus.Passage;
import footnote.search.Candidate;
import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one retrieved passage against a question: finds its best sentence (the one holding most of the question's
 * key-term weight, the answer's kind breaking ties) and measures the {@link Signals} the model weighs. Thread-safe.
 */
final class PassageJudge {

    private final TextAnalysis analysis;

    PassageJudge(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** What retrieval tells about all candidates of one question, that each candidate's signals are relative to. */
    /**
     * @param articleTerms for each article among the candidates, the key terms any of its retrieved passages, its
     *                     title or its date holds: a name the question sets may stand a paragraph away
     */
    record Field(double bestBm25, double minCosine, int unseenTerms, Map<String, Set<String>> articleTerms) {}

    /**
     * @param best the passage's best sentence, as an index into {@link Passage#sentences()}
     */
    record Judgement(Signals signals, int best) {}

    /** A passage's sentences as the judge reads them: their tokens and the question's key words each holds. */
    private record Reading(List<List<TextAnalysis.Token>> tokens, List<Set<String>> held, Set<String> inPassage) {}

    /** The passage's best sentence: the one covering most of the question, a sentence of the asked type on ties. */
    private record Best(int index, double coverage, boolean typed) {}

    Judgement judge(Question question, Candidate candidate, int rank, Field field) {
        Passage passage = candidate.passage();
        Map<String, Double> weights = question.weights();
        double total = question.totalWeight();
        double rarest = question.maxWeight();
        // The article's title and date stand for every passage of it: "in 2021" is met by an article of 2021.
        Set<String> title = present(context(passage), weights);
        Set<String> inArticle = field.articleTerms().getOrDefault(passage.articleId(), Set.of());
        List<String> sentences = passage.sentences();
        Reading reading = read(sentences, weights, title);
        List<List<TextAnalysis.Token>> tokens = reading.tokens();
        List<Set<String>> held = reading.held();
        Set<String> inPassage = reading.inPassage();
        Best chosen = best(question, sentences, reading, title);
        int best = chosen.index();
        double bestCoverage = chosen.coverage();
        boolean bestTyped = chosen.typed();
        String sentence = sentences.get(best);
        Set<String> window = union(held.get(best), title);
        Set<String> pair = best + 1 < sentences.size() ? union(window, held.get(best + 1)) : window;
        double cosine = Double.isNaN(candidate.cosine()) ? field.minCosine() : candidate.cosine();
        double bm25 = Double.isNaN(candidate.bm25()) || field.bestBm25() <= 0 ? 0 : candidate.bm25() / field.bestBm25();
        Set<String> names = question.names();
        double[] v = {
                cosine,
                share(inPassage, weights, total),
                bestCoverage,
                share(pair, weights, total),
                rarestMissing(inPassage, weights, rarest),
                missing(names, inPassage),
                missing(question.numbers(), inPassage),
                bestTyped ? 1 : 0,
                bm25,
                candidate.score(),
                rank == 0 ? 1 : 0,
                field.unseenTerms(),
                question.negated() && !SentenceFacts.negated(sentence) ? 1 : 0,
                rarestMissing(window, weights, rarest),
                missingWeight(window, weights, rarest),
                missing(names, window),
                share(title, weights, total),
                question.statement() && !SentenceFacts.reportsSpeech(sentence) ? 1 : 0,
                names.isEmpty() ? 1 : 1 - missing(names, window) / (double) names.size(),
                names.isEmpty() ? 1 : 1 - missing(names, inPassage) / (double) names.size(),
                question.broad() && passage.position() == 0 ? 1 : 0,
                question.broad() ? 1 : 0,
                share(question.unseen(), weights, total),
                missing(question.rareNames(), union(inPassage, inArticle)),
                speakerSilent(question, sentences, held, best) ? 1 : 0,
                typeMissing(question, sentences, tokens, best) ? 1 : 0,
        };
        return new Judgement(new Signals(v), best);
    }

    private Reading read(List<String> sentences, Map<String, Double> weights, Set<String> title) {
        List<List<TextAnalysis.Token>> tokens = new ArrayList<>();
        List<Set<String>> held = new ArrayList<>();
        Set<String> inPassage = new HashSet<>(title);
        for (String sentence : sentences) {
            List<TextAnalysis.Token> t = analysis.tokens(sentence);
            tokens.add(t);
            Set<String> h = new HashSet<>();
            t.stream().map(tok -> SentenceFacts.canonical(tok.term())).filter(weights::containsKey).forEach(h::add);
            held.add(h);
            inPassage.addAll(h);
        }
        return new Reading(tokens, held, inPassage);
    }

    private static Best best(Question question, List<String> sentences, Reading reading, Set<String> title) {
        Map<String, Double> weights = question.weights();
        Best best = new Best(0, -1, false);
        for (int i = 0; i < sentences.size(); i++) {
            double coverage = share(union(reading.held().get(i), title), weights, question.totalWeight());
            boolean typed = SentenceFacts.holds(question.type(), sentences.get(i), reading.tokens().get(i),
                    weights.keySet());
            if (coverage > best.coverage() + 1e-9
                    || (Math.abs(coverage - best.coverage()) <= 1e-9 && typed && !best.typed())) {
                best = new Best(i, coverage, typed);
            }
        }
        return best;
    }

    /**
     * For "what did X say": whether no sentence both names one of X's rare names and reports speech (when the
     * question names no one rare, whether the best sentence reports none).
     */
    private static boolean speakerSilent(Question question, List<String> sentences, List<Set<String>> held,
            int best) {
        if (!question.statement()) {
            return false;
        }
        Set<String> speakers = question.rareNames();
        if (speakers.isEmpty()) {
            return !SentenceFacts.reportsSpeech(sentences.get(best));
        }
        for (int i = 0; i < sentences.size(); i++) {
            boolean named = held.get(i).stream().anyMatch(speakers::contains);
            if (named && SentenceFacts.reportsSpeech(sentences.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * For "when", "how many" and "where": whether neither the best sentence nor the one after it states a date, a
     * number or a place.
     */
    private static boolean typeMissing(Question question, List<String> sentences, List<List<TextAnalysis.Token>> tokens,
            int best) {
        AnswerType type = question.type();
        if (type != AnswerType.DATE && type != AnswerType.NUMBER && type != AnswerType.PLACE) {
            return false;
        }
        for (int i = best; i <= Math.min(best + 1, sentences.size() - 1); i++) {
            if (!SentenceFacts.candidates(type, sentences.get(i), tokens.get(i), question.weights().keySet())
                    .isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** What stands for every passage of the article: its title, its date in words, and its note on its date. */
    static String context(Passage passage) {
        return passage.metadata().title() + " " + dated(passage) + " "
                + passage.metadata().dateNote().orElse("");
    }

    /** The article's publication date in words ("March 2025"), or nothing. */
    private static String dated(Passage passage) {
        return passage.metadata().published().map(d -> d.month()
                .map(m -> java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " ")
                .orElse("") + d.year()).orElse("");
    }

    Set<String> present(String text, Map<String, Double> weights) {
        Set<String> found = new HashSet<>();
        for (TextAnalysis.Token token : analysis.tokens(text)) {
            String term = SentenceFacts.canonical(token.term());
            if (weights.containsKey(term)) {
                found.add(term);
            }
        }
        return found;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static double share(Set<String> terms, Map<String, Double> weights, double total) {
        if (total <= 0) {
            return 0;
        }
        return terms.stream().mapToDouble(t -> weights.getOrDefault(t, 0.0)).sum() / total;
    }

    private static double rarestMissing(Set<String> present, Map<String, Double> weights, double rarest) {
        if (rarest <= 0) {
            return 0;
        }
        return weights.entrySet().stream().filter(e -> !present.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0) / rarest;
    }

    private static double missingWeight(Set<String> present, Map<String, Double> weights, double rarest) {
        if (rarest <= 0) {
            return 0;
        }
        return weights.entrySet().stream().filter(e -> !present.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum() / rarest;
    }

    private static int missing(Set<String> wanted, Set<String> present) {
        return (int) wanted.stream().filter(t -> !present.contains(t)).count();
    }
}
