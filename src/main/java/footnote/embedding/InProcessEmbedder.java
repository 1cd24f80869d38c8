package footnote.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import footnote.search.Embedder;
import java.util.List;

/** An ONNX embedding model running in this JVM through LangChain4j: no network, no model download. */
public final class InProcessEmbedder implements Embedder {

    static {
        // The tokenizer library (DJL) otherwise asks the cloud metadata address 169.254.169.254 whether it runs on
        // EC2, to send usage telemetry. Footnote makes no network call it was not asked to make.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private final EmbeddingModelChoice choice;
    private final EmbeddingModel model;

    public InProcessEmbedder(EmbeddingModelChoice choice) {
        this.choice = choice;
        this.model = choice.load();
    }

    @Override
    public String modelId() {
        return choice.configName();
    }

    @Override
    public float[] embedQuery(String question) {
        return unit(model.embed(choice.queryPrefix + question).content());
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(choice.passagePrefix + p)).toList();
        return model.embedAll(segments).content().stream().map(InProcessEmbedder::unit).toList();
    }

    /** The models already normalise; normalising again guards the dot-product index against one that does not. */
    private static float[] unit(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }
}
