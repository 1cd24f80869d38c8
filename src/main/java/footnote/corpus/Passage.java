package footnote.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of whole sentences from one article: the unit that is indexed and retrieved. It knows its neighbouring
 * sentences so that an excerpt can reach one sentence beyond the passage without another look-up.
 *
 * @param kind          prose, or a caption: a caption passage holds one caption and has no neighbours, so no
 *                      excerpt ever joins a caption to the prose around it
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
        PassageKind kind,
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
        Objects.requireNonNull(kind, "kind");
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a passage needs at least one sentence");
        }
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (kind == PassageKind.CAPTION && (before.isPresent() || after.isPresent())) {
            throw new IllegalArgumentException("a caption passage has no neighbouring sentences");
        }
    }

    /** A passage of the article's prose: the common case, and what code that predates captions builds. */
    public Passage(String articleId, String sourceId, Scope scope, ArticleMetadata metadata, int position,
            int firstSentence, List<String> sentences, Optional<String> before, Optional<String> after) {
        this(articleId, sourceId, scope, metadata, PassageKind.PROSE, position, firstSentence, sentences, before,
                after);
    }

    public String id() {
        return articleId + "#" + position;
    }

    public String text() {
        return String.join(" ", sentences);
    }
}
