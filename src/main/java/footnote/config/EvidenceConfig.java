package footnote.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/**
 * The hand-set answer policy: the YAML section {@code answers.evidence}. A question is answered when its best
 * passage scores at least {@code threshold}, where the score is
 * {@code cosineWeight * cosine + (1 - cosineWeight) * coverage}, less {@code unknownNamePenalty} when the
 * question names something no source mentions; further excerpts may score {@code margin} less. The defaults
 * were calibrated with {@code footnote eval --calibrate} for the default embedding model.
 */
public record EvidenceConfig(Double cosineWeight, Double unknownNamePenalty, Double threshold, Double margin) {

    public EvidenceConfig {
        cosineWeight = requireNonNullElse(cosineWeight, 0.7);
        unknownNamePenalty = requireNonNullElse(unknownNamePenalty, 0.1);
        threshold = requireNonNullElse(threshold, 0.54);
        margin = requireNonNullElse(margin, 0.1);
    }

    public static EvidenceConfig defaults() {
        return new EvidenceConfig(null, null, null, null);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(cosineWeight >= 0 && cosineWeight <= 1,
                        "answers.evidence.cosineWeight must be between 0 and 1")
                .check(unknownNamePenalty >= 0 && margin >= 0,
                        "answers.evidence.unknownNamePenalty and margin must not be negative")
                .list();
    }
}
