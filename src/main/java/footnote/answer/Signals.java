package footnote.answer;

import java.util.List;

/**
 * Measured evidence that one passage answers one question: what the answerer's model weighs. Every value is a
 * general property of a question and a sentence (meaning, shared rare words, the constraints the question sets and
 * whether the sentence meets them), never a word list fitted to particular questions.
 *
 * @param values one value per {@link #NAMES} entry, in that order
 */
public record Signals(double[] values) {

    /** The signals' names, in order: the model's weights are stored against these. */
    static final List<String> NAMES = List.of(
            "cosine",            // the passage's embedding against the question's
            "coverage",          // rarity-weighted share of the question's key terms in the passage or its title
            "sentenceCoverage",  // the same within the passage's best sentence (and the title)
            "pairCoverage",      // the same within the best sentence and the next
            "missingRarest",     // the rarest key term the passage lacks, as a share of the rarest key term
            "missingNames",      // names in the question the passage lacks
            "missingNumbers",    // numbers and years in the question the passage lacks
            "typeHeld",          // the best sentence holds an answer of the kind asked for (date, number, name)
            "bm25",              // BM25 score as a share of the best BM25 score among the candidates
            "fused",             // the fused retrieval score
            "first",             // 1 for the first fused candidate
            "unseen",            // key terms no passage in the index contains
            "negationUnmet",     // the question is negated and the sentence is not
            "sentenceMissingRarest", // the rarest key term the best sentence lacks
            "sentenceMissing",   // the weight of every key term the best sentence lacks, in rarest-term units
            "sentenceMissingNames",  // names the best sentence lacks
            "titleCoverage",     // share of the key terms in the title alone
            "statementUnmet",    // the question asks what someone said, and the sentence reports no speech
            "namesInSentence",   // share of the question's names in the best sentence
            "namesInPassage",    // share of the question's names in the passage
            "broadLead",         // a broad question, and the passage opens its article
            "broad",             // the question asks broadly what something was about
            "unseenShare",       // the share of the question's key-term weight that no passage in the index holds
            "rareNamesMissing",  // the question's rare names that the passage and its title lack
            "speakerSilent",     // it asks what someone said, and no sentence of the passage has them say it
            "typeMissing");      // it asks when, how many or where, and neither the best sentence nor the next says

    public Signals {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " signals, got " + values.length);
        }
        values = values.clone();
    }

    /**
     * The constraints a question sets explicitly, which a passage that answers must meet: its rare names, its
     * numbers and dates, the speaker of a "what did X say", the date or number of a "when" or "how many", and no
     * word the sources have never used that is not everyday English (a name they do not know).
     */
    static final List<String> CONSTRAINTS = List.of("rareNamesMissing", "missingNumbers", "speakerSilent",
            "typeMissing", "unseen");

    /**
     * The constraints that, failed, leave a passage no way to answer: a name no source mentions, or a speaker the
     * passage never quotes. They weigh double.
     */
    static final List<String> DECISIVE = List.of("unseen", "speakerSilent");

    /** How much the passage fails the question's explicit constraints: one per constraint, two per decisive one. */
    int unmet() {
        return CONSTRAINTS.stream().filter(c -> get(c) > 0).mapToInt(c -> DECISIVE.contains(c) ? 2 : 1).sum();
    }

    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no signal " + name);
        }
        return values[i];
    }
}
