package footnote.corpus;

import java.util.Objects;

/**
 * One article as captured: its metadata and its body text, boilerplate and all; {@link Chunker} finds the prose.
 *
 * @param sourceId the source the article came from (a file, later a URL or a feed), for removal and listing
 */
public record Article(String id, String sourceId, Scope scope, ArticleMetadata metadata, String body) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(body, "body");
    }
}
