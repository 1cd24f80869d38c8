package footnote.testing;

import footnote.ingest.CopyStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Copies kept in memory, for tests that do not exercise the files. */
public final class MemoryCopyStore implements CopyStore {

    private final Map<String, Map<String, String>> copies = new ConcurrentHashMap<>();

    @Override
    public void write(String sourceId, String articleId, String articleText) {
        copies.computeIfAbsent(sourceId, s -> new TreeMap<>()).put(articleId, articleText);
    }

    @Override
    public List<String> articleIds(String sourceId) {
        return List.copyOf(copies.getOrDefault(sourceId, Map.of()).keySet());
    }

    @Override
    public String read(String sourceId, String articleId) throws IOException {
        String text = copies.getOrDefault(sourceId, Map.of()).get(articleId);
        if (text == null) {
            throw new IOException("no copy " + articleId);
        }
        return text;
    }

    @Override
    public void deleteAll(String sourceId) {
        copies.remove(sourceId);
    }

    @Override
    public List<String> sourceIds() {
        return List.copyOf(copies.keySet());
    }
}
