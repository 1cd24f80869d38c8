/**
 * Getting articles from the web and from uploads, safely: fetching only public http(s) addresses within limits,
 * telling what a document is, and extracting an article or feed entries from HTML, PDF, RSS or Atom. The only
 * package that imports OkHttp, jsoup, readability4j, ROME or PDFBox; it knows nothing of the rest of Footnote.
 */
package footnote.fetch;
