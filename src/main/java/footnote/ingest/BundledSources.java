package footnote.ingest;

import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The article files in one or more folders, as sources that serve every server. */
public final class BundledSources {

    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt");

    private BundledSources() {}

    /**
     * One source per {@code .md}, {@code .markdown} or {@code .txt} file directly in each folder, sorted by name.
     * A source's id is its file name without the extension; a clash across folders keeps the extension.
     *
     * @throws IOException when a folder is missing or cannot be listed
     */
    public static List<Source> in(List<Path> folders) throws IOException {
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException("the articles folder " + folder + " does not exist");
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile).filter(BundledSources::isArticle).sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                if (!ids.add(id)) {
                    id = name;
                    ids.add(id);
                }
                sources.add(new Source(id, new SourceKind.Bundled(file), Scope.GLOBAL));
            }
        }
        return sources;
    }

    private static boolean isArticle(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
