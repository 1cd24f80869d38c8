package footnote.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Everything written under a folder, as text to search: every file's bytes as they are, and, since Lucene
 * compresses stored fields (a string written is not a run of bytes in the file), every stored value and indexed
 * term of every Lucene index found there, as Lucene reads them back.
 */
final class WrittenText {

    private WrittenText() {}

    static String under(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a live store moved files while they were listed: the caller tries again
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            try {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            } catch (IOException e) {
                // Deleted since it was listed (a merged segment, a rolled log): it holds nothing current.
            }
        }
        for (Path index : files.stream().filter(f -> f.getFileName().toString().startsWith("segments_"))
                .map(Path::getParent).distinct().toList()) {
            try (Directory directory = FSDirectory.open(index);
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    decode(leaf, text);
                }
            }
        }
        return text.toString();
    }

    private static void decode(LeafReaderContext leaf, StringBuilder text) throws IOException {
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            for (IndexableField field : stored.document(doc)) {
                BytesRef bytes = field.binaryValue();
                text.append(bytes != null ? bytes.utf8ToString() : field.stringValue()).append('\n');
            }
        }
        for (FieldInfo field : leaf.reader().getFieldInfos()) {
            Terms terms = leaf.reader().terms(field.name);
            if (terms == null) {
                continue;
            }
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                text.append(term.utf8ToString()).append('\n');
            }
        }
    }
}
