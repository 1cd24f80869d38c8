package footnote.answer;

/**
 * Decides whether a passage is evidence enough to quote, from measured signals: how close its meaning is to the
 * question (cosine similarity of the embeddings), how much of the question's rare vocabulary it contains (weighted
 * key-term coverage), and whether the question names something no source ever mentions ("Samsung", "Nadella"),
 * which marks a question about something else. Neither similarity signal alone separates answerable from
 * unanswerable questions: paraphrases have low coverage, and off-topic questions on a related subject have fair
 * cosine. The weights and threshold are calibrated with {@code footnote eval --calibrate}.
 *
 * @param cosineWeight       weight of the cosine in the blend; coverage gets the rest
 * @param unknownNamePenalty subtracted from the blend when the question names something unknown
 * @param threshold          the lowest score at which a question is answered at all
 * @param margin             further excerpts may score this much below the threshold: once the best passage has
 *                           answered, a nearly as good one beside it helps more than it misleads
 */
public record EvidencePolicy(double cosineWeight, double unknownNamePenalty, double threshold, double margin)
        implements Judge {

    public EvidencePolicy {
        if (cosineWeight < 0 || cosineWeight > 1) {
            throw new IllegalArgumentException("cosineWeight must be within [0, 1], got " + cosineWeight);
        }
        if (unknownNamePenalty < 0 || margin < 0) {
            throw new IllegalArgumentException("unknownNamePenalty and margin must not be negative");
        }
    }

    public double score(Evidence evidence) {
        return cosineWeight * evidence.cosine() + (1 - cosineWeight) * evidence.coverage()
                - (evidence.unknownNames() > 0 ? unknownNamePenalty : 0);
    }

    @Override
    public double rank(Signals signals, Evidence evidence) {
        return score(evidence);
    }

    @Override
    public double confidence(Signals signals, Evidence evidence, double rank) {
        return score(evidence);
    }

    @Override
    public double support() {
        return threshold - margin;
    }

    /** Whether the best passage answers the question. */
    public boolean answers(double score) {
        return score >= threshold;
    }

    /** Whether a further passage, after the best one answered, is good enough to show beside it. */
    public boolean supports(double score) {
        return score >= threshold - margin;
    }
}
