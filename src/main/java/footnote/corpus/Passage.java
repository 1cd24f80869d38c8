package footnote.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of whole sentences from one article: the unit that is indexed and retrieved. It knows its neighbouring
 * sentences so that an excerpt can reach one sentence beyond the passage without another look-up.
 *
 * @param position      the passage's ordinal within its article
 * @param firstSentence the ordinal, within the article, of the passage's first sentence
 * @param before        the sentence just before the passage, if any
 * @param after         the sentence just after the passage, if any
 */
public record Passage(
        String articleId,
        String sourceId,
        Scope scope,
        ArticleMetadata metadata,
        int position,
        int firstSentence,
        List<String> sentences,
        Optional<String> before,
        Optional<String> after) {

    public Passage {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metadata, "metadata");
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a passage needs at least one sentence");
        }
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public String id() {
        return articleId + "#" + position;
    }

    public String text() {
        return String.join(" ", sentences);
    }
}
