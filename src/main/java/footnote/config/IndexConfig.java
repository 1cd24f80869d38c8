package footnote.config;

import static java.util.Objects.requireNonNullElse;
import static java.util.Objects.requireNonNullElseGet;

import java.util.List;

/**
 * Where the bot keeps its data: the YAML section {@code index}.
 *
 * @param path    the folder for the embedded backend: the Lucene index, source registry and fetched copies
 * @param backend {@code lucene} (embedded, one process, no server of any kind) or {@code solr} (SolrCloud,
 *                shared by several bot processes)
 * @param solr    the cluster, for backend {@code solr}
 */
public record IndexConfig(String path, Backend backend, SolrConfig solr) {

    /** Where passages, sources and copies are stored. */
    public enum Backend implements Choice { LUCENE, SOLR }

    public IndexConfig {
        path = requireNonNullElse(path, "index");
        backend = requireNonNullElse(backend, Backend.LUCENE);
        solr = requireNonNullElseGet(solr, SolrConfig::defaults);
    }

    public static IndexConfig defaults() {
        return new IndexConfig(null, null, null);
    }

    public boolean solrBackend() {
        return backend == Backend.SOLR;
    }

    public IndexConfig withPath(String replacement) {
        return new IndexConfig(replacement, backend, solr);
    }

    public IndexConfig withBackend(Backend replacement) {
        return new IndexConfig(path, replacement, solr);
    }

    public IndexConfig withSolr(SolrConfig replacement) {
        return new IndexConfig(path, backend, replacement);
    }

    /** Every problem with these values, one line each, named by their key. */
    public List<String> problems() {
        return new Checks()
                .check(!path.isBlank(), "index.path is empty")
                .check(!solrBackend() || !solr.urls().isEmpty(),
                        "index.solr.urls must list at least one Solr node URL when index.backend is solr")
                .add(solr.problems())
                .list();
    }
}
