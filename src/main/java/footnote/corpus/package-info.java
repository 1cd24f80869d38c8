/** Articles and their metadata, and how an article's text becomes passages: prose, sentences, chunks. */
package footnote.corpus;
