/** Turning retrieved passages into an answer: excerpts that quote the best sentences, citations, and abstention. */
package footnote.answer;
