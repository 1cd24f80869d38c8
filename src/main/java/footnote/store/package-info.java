/**
 * Durable per-server state under the data folder, read back after restarts: files written atomically (sources,
 * copies, settings) and the insight records' Lucene index, committed as each is written; the JSON of both, shared
 * with the SolrCloud backend.
 */
package footnote.store;
