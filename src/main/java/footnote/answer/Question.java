package footnote.answer;

import footnote.search.TextAnalysis;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A question as the answerer reads it: its key terms (stemmed, weighted by rarity as BM25 weighs them), which of
 * them are names or numbers, the kind of answer it asks for, and whether it is negated, asks what someone said, or
 * asks broadly what something was about. These are the constraints an excerpt must meet to answer it.
 *
 * @param names   key terms the question writes with a capital (not its first word), or that the sources write
 *                with one: names of people, places, organisations and events
 * @param numbers key terms that are numbers, years, months or weekdays: constraints on when or how many
 * @param unseen  key terms no passage in the index contains
 */
record Question(
        String text,
        Map<String, Double> weights,
        Set<String> names,
        Set<String> numbers,
        Set<String> unseen,
        AnswerType type,
        boolean negated,
        boolean statement,
        boolean broad) {

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|never|no|none|nor|neither|without|cannot|non)\\b|n['’]t\\b|\\bnon-", Pattern.CASE_INSENSITIVE);
    /** "what did X say / think / call ...": the answer is something X said, so an excerpt must report speech. */
    private static final Pattern STATEMENT = Pattern.compile("\\bwhat (?:did|does|do|has|had|have|is|was|were|will)\\b"
            + ".*\\b(?:say|said|think|thought|tell|told|claim|call|mean|argue|promise|pledge|write|announce|believe"
            + "|suggest|warn|praise|talk|describe|reveal|predict|propose)\\b"
            + "|\\b(?:say|said|talk|talked|speak|spoke|comment|commented)\\b.*\\babout\\b",
            Pattern.CASE_INSENSITIVE);
    /** "what was X about", "tl;dr", "summarise": the answer is what an article tells, not one fact. */
    private static final Pattern BROAD = Pattern.compile("\\babout\\??$|\\bsummar(?:y|ise|ize)\\b|\\btl;? ?dr\\b"
            + "|\\boverview\\b|\\bgist\\b|\\bwhat happened\\b|\\bthe story\\b", Pattern.CASE_INSENSITIVE);

    /** A name is rare when its weight is at least this share of the rarest key term's. */
    static final double RARE_NAME = 0.5;

    Question {
        weights = Map.copyOf(weights);
        names = Set.copyOf(names);
        numbers = Set.copyOf(numbers);
        unseen = Set.copyOf(unseen);
    }

    static Question read(String text, Map<String, Double> weights, Set<String> unseen, TextAnalysis analysis) {
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        boolean first = true;
        for (TextAnalysis.Token token : analysis.tokens(text)) {
            if (!weights.containsKey(token.term())) {
                first = false;
                continue;
            }
            int c = text.codePointAt(token.start());
            if (Character.isDigit(c) || SentenceFacts.calendar(text.substring(token.start(), token.end()))) {
                numbers.add(token.term());
            } else if (!first && Character.isUpperCase(c)) {
                names.add(token.term());
            }
            first = false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return new Question(text, new LinkedHashMap<>(weights), names, numbers, unseen, AnswerType.of(text),
                NEGATION.matcher(text).find(), STATEMENT.matcher(lower).find(), BROAD.matcher(lower.strip()).find());
    }

    /** The same question with more names: terms the sources themselves write with a capital. */
    Question withNames(Set<String> more) {
        Set<String> all = new HashSet<>(names);
        more.stream().filter(weights::containsKey).filter(t -> !numbers.contains(t)).forEach(all::add);
        return new Question(text, weights, all, numbers, unseen, type, negated, statement, broad);
    }

    /**
     * The names that set the question apart: those at least half as rare as its rarest key term. "Pony Ma" in
     * "what did pony ma say at the symposium" is one; "China" in a question about Chinese articles is not.
     */
    Set<String> rareNames() {
        double rarest = maxWeight();
        Set<String> rare = new HashSet<>();
        for (String name : names) {
            // A name no source mentions at all is another signal (and what a decline names), not a constraint.
            if (!unseen.contains(name) && weights.getOrDefault(name, 0.0) >= RARE_NAME * rarest) {
                rare.add(name);
            }
        }
        return rare;
    }

    double totalWeight() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double maxWeight() {
        return weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
