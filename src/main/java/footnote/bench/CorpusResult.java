package footnote.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured on one corpus.
 *
 * @param ingestPerSecond       passages indexed a second, end to end; empty when a built index was reused
 * @param mergeSeconds          Lucene's background merging left after ingest, waited out before serving is measured
 * @param embedderPerSecond     the embedding model's own passages a second, alone, on a sample of the corpus
 * @param indexBytesPerPassage  the index's size on disk over its passages; NaN when it lives on other machines
 * @param startupSeconds        process start to first answer, over the existing index; empty when not measured
 */
public record CorpusResult(String name, int passages, Optional<Double> ingestPerSecond,
        Optional<Double> mergeSeconds, double embedderPerSecond,
        double indexBytesPerPassage, AnswerLatency.Result latency,
        List<Throughput.Result> throughput, long peakHeapMegabytes, Optional<Long> residentMegabytes,
        Optional<Double> startupSeconds) {

    public CorpusResult {
        throughput = List.copyOf(throughput);
    }

    public CorpusResult withStartup(Optional<Double> seconds) {
        return new CorpusResult(name, passages, ingestPerSecond, mergeSeconds, embedderPerSecond, indexBytesPerPassage, latency,
                throughput, peakHeapMegabytes, residentMegabytes, seconds);
    }

    /** Footnote's answer over the floor, at the median. */
    public double ratioP50() {
        return latency.total().p50() / latency.floor().p50();
    }

    public double ratioP99() {
        return latency.total().p99() / latency.floor().p99();
    }
}
