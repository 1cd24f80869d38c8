/**
 * Benchmarks: reproducible corpora of any size, Footnote's own answer path timed phase by phase, and the floor its
 * parts set (the embedding model and raw Lucene searches) on the same index and questions.
 */
package footnote.bench;
