package footnote.search;

import footnote.corpus.Scope;

/**
 * What the index records of an article besides its passages: the fingerprint of the text it was built from, so
 * indexing can skip an unchanged article and replace a changed one.
 */
public record IndexedArticle(
        String articleId, String sourceId, Scope scope, String title, String fingerprint, int passages) {}
