/**
 * Measuring answer quality: hit@k, MRR, abstention and the AUROC of the answer's confidence over question files,
 * in total and per kind of question, beside a plain BM25 baseline.
 */
package footnote.eval;
