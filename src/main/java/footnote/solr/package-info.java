/**
 * The SolrCloud backend: passages, sources, fetched copies, server settings, insight records and the deployment
 * lease kept in a cluster that several bot processes share. The only package that imports SolrJ.
 */
package footnote.solr;
