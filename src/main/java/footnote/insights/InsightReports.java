package footnote.insights;

import footnote.search.Embedder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a server's report from its records. Unanswered questions asked in other words ("when was the symposium",
 * "what date was the symposium?") are grouped by meaning: each joins the first group whose first question's
 * embedding is at least {@link #SAME_QUESTION} similar to its own. Thread-safe.
 */
public final class InsightReports {

    /**
     * Cosine of two questions' embeddings at and above which they ask the same thing. Paraphrases of one question
     * score about 0.9 and up with the shipped model, different questions about one subject about 0.8.
     */
    static final double SAME_QUESTION = 0.88;
    /** Lines a report shows of each list: what a moderator reads at a glance. */
    public static final int TOP = 10;

    private final Embedder embedder;

    public InsightReports(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param records the server's records of the window, in any order
     * @param sources the server's sources (their citations are ignored): those no record cites are listed as never
     *                cited
     */
    public InsightReport build(String server, int windowDays, Instant now, List<InsightRecord> records,
            List<InsightReport.SourceUse> sources) {
        Instant from = now.minus(Duration.ofDays(windowDays));
        List<InsightRecord> window = records.stream().filter(r -> !r.asked().isBefore(from))
                .sorted(Comparator.comparing(InsightRecord::asked)).toList();
        int answered = (int) window.stream().filter(r -> r.outcome() == InsightRecord.Outcome.ANSWERED).count();
        long helpful = window.stream().mapToLong(r -> r.count(Vote.HELPFUL)).sum();
        long notHelpful = window.stream().mapToLong(r -> r.count(Vote.NOT_HELPFUL)).sum();
        List<InsightReport.SourceUse> cited = citations(window, sources);
        return new InsightReport(server, windowDays, from, now, window.size(), answered, helpful, notHelpful,
                unanswered(window), disliked(window), cited.stream().limit(TOP).toList(),
                sources.stream().filter(s -> cited.stream().noneMatch(c -> c.sourceId().equals(s.sourceId())))
                        .map(s -> new InsightReport.SourceUse(s.sourceId(), s.title(), 0)).toList(),
                days(window, from, now));
    }

    private List<InsightReport.Unanswered> unanswered(List<InsightRecord> window) {
        List<Group> groups = new ArrayList<>();
        // A question asked again in the same words is embedded once: most unanswered questions are repeats.
        Map<String, float[]> vectors = new HashMap<>();
        for (InsightRecord record : window) {
            if (record.outcome() != InsightRecord.Outcome.DECLINED) {
                continue;
            }
            String question = record.readAs().orElse(record.question());
            float[] vector = vectors.computeIfAbsent(question, embedder::embedQuery);
            Group group = groups.stream().filter(g -> cosine(g.vector, vector) >= SAME_QUESTION).findFirst()
                    .orElseGet(() -> {
                        Group created = new Group(vector);
                        groups.add(created);
                        return created;
                    });
            group.wordings.merge(question, 1, Integer::sum);
            group.last = record.asked();
        }
        return groups.stream().map(Group::line)
                .sorted(Comparator.comparingInt(InsightReport.Unanswered::count).reversed()
                        .thenComparing(InsightReport.Unanswered::last, Comparator.reverseOrder()))
                .limit(TOP).toList();
    }

    /** Questions asked in other words of one meaning. */
    private static final class Group {
        final float[] vector;
        final Map<String, Integer> wordings = new LinkedHashMap<>();
        Instant last;

        Group(float[] vector) {
            this.vector = vector;
        }

        InsightReport.Unanswered line() {
            String most = wordings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return new InsightReport.Unanswered(most, wordings.values().stream().mapToInt(Integer::intValue).sum(),
                    last);
        }
    }

    private static List<InsightReport.Disliked> disliked(List<InsightRecord> window) {
        return window.stream().filter(r -> r.count(Vote.NOT_HELPFUL) > 0)
                .sorted(Comparator.comparing(InsightRecord::asked).reversed())
                .map(r -> new InsightReport.Disliked(r.question(), r.readAs(), r.count(Vote.NOT_HELPFUL),
                        r.count(Vote.HELPFUL), List.copyOf(r.comments().values()), r.asked()))
                .limit(TOP).toList();
    }

    private static List<InsightReport.SourceUse> citations(List<InsightRecord> window,
            List<InsightReport.SourceUse> sources) {
        Map<String, String> titles = new HashMap<>();
        sources.forEach(s -> titles.put(s.sourceId(), s.title()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (InsightRecord record : window) {
            record.cited().stream().map(Cited::sourceId).distinct().forEach(id -> counts.merge(id, 1, Integer::sum));
            record.cited().forEach(c -> titles.putIfAbsent(c.sourceId(), c.title()));
        }
        return counts.entrySet().stream()
                .map(e -> new InsightReport.SourceUse(e.getKey(), titles.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(InsightReport.SourceUse::citations).reversed()).toList();
    }

    private static List<InsightReport.Day> days(List<InsightRecord> window, Instant from, Instant to) {
        List<InsightReport.Day> days = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(last);
                day = day.plusDays(1)) {
            LocalDate d = day;
            List<InsightRecord> that = window.stream()
                    .filter(r -> LocalDate.ofInstant(r.asked(), ZoneOffset.UTC).equals(d)).toList();
            int answered = (int) that.stream().filter(r -> r.outcome() == InsightRecord.Outcome.ANSWERED).count();
            days.add(new InsightReport.Day(d, answered, that.size() - answered,
                    that.stream().mapToLong(r -> r.count(Vote.HELPFUL)).sum(),
                    that.stream().mapToLong(r -> r.count(Vote.NOT_HELPFUL)).sum()));
        }
        return days;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // unit-length vectors
    }
}
