package footnote.ingest;

import footnote.corpus.Article;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a source's articles from disk: a bundled file, or the copies of a fetched or uploaded source. */
public final class SourceReader {

    private final ArticleFiles files;
    private final CopyStore copies;

    public SourceReader(ArticleFiles files, CopyStore copies) {
        this.files = files;
        this.copies = copies;
    }

    /** @throws IOException with a one-line reason when a file cannot be read */
    public List<Article> read(Source source) throws IOException {
        if (source.kind() instanceof SourceKind.Bundled bundled) {
            String fileName = bundled.file().getFileName().toString();
            return List.of(files.parse(files.text(bundled.file()), fileName, source.id(), source.id(), source.scope()));
        }
        List<Article> articles = new ArrayList<>();
        for (String articleId : copies.articleIds(source.id())) {
            articles.add(files.parse(copies.read(source.id(), articleId), articleId + ".md", articleId, source.id(),
                    source.scope()));
        }
        return articles;
    }
}
