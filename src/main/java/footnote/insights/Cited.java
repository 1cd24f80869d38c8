package footnote.insights;

import java.util.Objects;

/** A source and one of its articles that an answer quoted. */
public record Cited(String sourceId, String articleId, String title) {

    public Cited {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
    }
}
