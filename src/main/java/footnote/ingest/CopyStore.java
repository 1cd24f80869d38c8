package footnote.ingest;

import java.io.IOException;
import java.util.List;

/**
 * The fetched copies of run-time sources' articles, kept as article files (front matter and text), so that the
 * index can always be rebuilt without the network and a page that vanished keeps its text. Each copy is written
 * atomically. Thread-safe.
 */
public interface CopyStore {

    void write(String sourceId, String articleId, String articleText);

    /** The source's article ids, sorted; empty when it has none. */
    List<String> articleIds(String sourceId);

    String read(String sourceId, String articleId) throws IOException;

    void deleteAll(String sourceId);

    /** Every source that has copies, to find copies no registry record owns. */
    List<String> sourceIds();
}
