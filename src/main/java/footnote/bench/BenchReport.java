package footnote.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The benchmark's figures as Markdown tables, one row per corpus. */
public final class BenchReport {

    private BenchReport() {}

    public static String markdown(String machine, List<CorpusResult> results) {
        StringBuilder out = new StringBuilder("# Footnote benchmark\n\n").append(machine).append("\n\n");
        out.append("## Answer latency, warm, one thread (ms)\n\n")
                .append("Footnote: question in, Discord message out. Floor: the embedding model on the question, then"
                        + " the backend's plain BM25 top-k and KNN top-k on the same passages (k ="
                        + " retrieval.candidates).\n\n")
                .append("| corpus | passages | questions | p50 | p99 | max | embed p50 | search p50 | fusion p50 |"
                        + " excerpts p50 | render p50 | floor p50 | floor p99 | floor's embed p50 | ratio p50 | ratio p99 |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
                        + " ---: | ---: | ---: |\n");
        for (CorpusResult r : results) {
            AnswerLatency.Result l = r.latency();
            out.append(row(r.name(), String.valueOf(r.passages()), String.valueOf(l.total().count()),
                    ms(l.total().p50()), ms(l.total().p99()), ms(l.total().max()), ms(l.embed().p50()),
                    ms(l.search().p50()), ms(l.fusion().p50()), ms(l.excerpts().p50()), ms(l.render().p50()),
                    ms(l.floor().p50()), ms(l.floor().p99()), ms(l.floorEmbed().p50()), ratio(r.ratioP50()),
                    ratio(r.ratioP99())));
        }
        List<Integer> askers = results.isEmpty() ? List.of()
                : results.get(0).throughput().stream().map(Throughput.Result::askers).toList();
        out.append("\n## Throughput (answers a second)\n\n| corpus | ")
                .append(askers.stream().map(a -> a + (a == 1 ? " asker" : " askers")).collect(Collectors.joining(" | ")))
                .append(" | p99 at ").append(askers.isEmpty() ? "-" : askers.get(askers.size() - 1)).append(" (ms) |\n|")
                .append(" --- |".repeat(1)).append(" ---: |".repeat(askers.size() + 1)).append('\n');
        for (CorpusResult r : results) {
            StringBuilder cells = new StringBuilder("| ").append(r.name()).append(" | ");
            for (Throughput.Result t : r.throughput()) {
                cells.append(String.format(Locale.ROOT, "%.0f", t.answersPerSecond())).append(" | ");
            }
            Throughput.Result last = r.throughput().get(r.throughput().size() - 1);
            out.append(cells).append(ms(last.latency().p99())).append(" |\n");
        }
        out.append("\n## Ingest, memory and start-up\n\n")
                .append("| corpus | passages | ingest (passages/s) | embedding model alone (passages/s) | ingest / model |"
                        + " merging after ingest (s) | index bytes per passage | peak heap serving (MB) | resident (MB) | start-up to first answer (s) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (CorpusResult r : results) {
            out.append(row(r.name(), String.valueOf(r.passages()),
                    r.ingestPerSecond().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("reused"),
                    String.format(Locale.ROOT, "%.1f", r.embedderPerSecond()),
                    r.ingestPerSecond().map(v -> ratio(v / r.embedderPerSecond())).orElse("-"),
                    r.mergeSeconds().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-"),
                    Double.isNaN(r.indexBytesPerPassage()) ? "-"
                            : String.format(Locale.ROOT, "%.0f", r.indexBytesPerPassage()),
                    String.valueOf(r.peakHeapMegabytes()), optional(r.residentMegabytes()),
                    r.startupSeconds().map(s -> String.format(Locale.ROOT, "%.2f", s)).orElse("-")));
        }
        return out.toString();
    }

    /** The hostile pages' table: one row per page, with the limits they were added under. */
    public static String hostile(String machine, int maxPassages, int maxJobMinutes, List<HostileResult> results) {
        StringBuilder out = new StringBuilder("# Footnote benchmark: hostile pages\n\n").append(machine).append("\n\n")
                .append(String.format(Locale.ROOT, "Each page added by `sources upload` in a process of its own"
                        + " (start-up and model load included), with the default heap and sources.maxPassages %,d,"
                        + " sources.maxJobMinutes %d. Answers: questions quoting the page, warm, one thread, rendered"
                        + " for Discord (ms).%n%n", maxPassages, maxJobMinutes))
                .append("| page | bytes | add (s) | peak resident (MB) | passages | answer p50 | answer p99 | answer max"
                        + " | outcome |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (HostileResult r : results) {
            out.append(row(r.page(), String.format(Locale.ROOT, "%,d", r.bytes()),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), optional(r.peakResidentMb()),
                    String.format(Locale.ROOT, "%,d", r.passages()),
                    r.answers().map(a -> ms(a.p50())).orElse("-"), r.answers().map(a -> ms(a.p99())).orElse("-"),
                    r.answers().map(a -> ms(a.max())).orElse("-"), r.outcome().replace("|", "\\|")));
        }
        return out.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String optional(Optional<Long> value) {
        return value.map(String::valueOf).orElse("-");
    }
}
