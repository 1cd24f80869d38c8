/** Getting sources into the index: reading article files, and keeping the index in step with the sources. */
package footnote.ingest;
