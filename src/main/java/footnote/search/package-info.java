/** Finding passages: the index behind an interface, its Lucene implementation, text analysis and hybrid fusion. */
package footnote.search;
