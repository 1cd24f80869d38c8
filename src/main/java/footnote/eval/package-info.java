/** Measuring answer quality: hit@k, MRR and abstention over question files, beside a plain BM25 baseline. */
package footnote.eval;
