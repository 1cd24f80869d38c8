package footnote.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The embedding models that ship inside Maven Central jars, with the prefixes each was trained with: e5 expects
 * "query: " and "passage: ", MiniLM nothing. bge v1.5 may take an instruction before queries; measured here it
 * made no difference to answers on SQuAD or the bundled articles and doubled the query's embedding time
 * (6.3 ms against 3.4 ms), so it is left out.
 *
 * <p>bge-small-en-v1.5 is the default: on the hybrid ranking it matched e5-small-v2 (answers within a point on
 * SQuAD) and beat MiniLM, and it is published on LangChain4j's current line, where e5 stopped at 1.11.
 */
public enum EmbeddingModelChoice {

    BGE_SMALL_EN_V15("bge-small-en-v1.5", "", "", BgeSmallEnV15QuantizedEmbeddingModel::new),
    E5_SMALL_V2("e5-small-v2", "query: ", "passage: ", E5SmallV2QuantizedEmbeddingModel::new),
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "", "", AllMiniLmL6V2QuantizedEmbeddingModel::new);

    private final String configName;
    final String queryPrefix;
    final String passagePrefix;
    private final Supplier<EmbeddingModel> loader;

    EmbeddingModelChoice(String configName, String queryPrefix, String passagePrefix,
            Supplier<EmbeddingModel> loader) {
        this.configName = configName;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.loader = loader;
    }

    public String configName() {
        return configName;
    }

    EmbeddingModel load() {
        return loader.get();
    }

    public static EmbeddingModelChoice byName(String name) {
        return Arrays.stream(values())
                .filter(m -> m.configName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + name + "'; choose one of "
                        + Arrays.stream(values()).map(EmbeddingModelChoice::configName).toList()));
    }
}
