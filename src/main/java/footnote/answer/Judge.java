package footnote.answer;

/**
 * How the answerer weighs candidates: orders them, and says how sure it is that the best one answers. Either the
 * trained {@link AnswerModel} or the hand-set {@link EvidencePolicy}; {@code eval} runs both side by side.
 */
public sealed interface Judge permits AnswerModel, EvidencePolicy {

    /** Higher for a candidate more likely to hold the answer than the question's other candidates. */
    double rank(Signals signals, Evidence evidence);

    /** How sure the best candidate answers the question, in [0, 1] for the model. */
    double confidence(Signals signals, Evidence evidence, double rank);

    /** The least confidence at which the best candidate is quoted. */
    double threshold();

    /** The least confidence at which a further candidate is quoted beside the best. */
    double support();
}
