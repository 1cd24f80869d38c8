package footnote.ingest;

import footnote.corpus.SourceChange.Problem;

/** Why a refresh failed, as a source's record keeps it. */
final class RecordedProblem {

    private RecordedProblem() {}

    /**
     * The problem as the record keeps it, which {@code /sources status} shows as "last fetch failed: ...". Records
     * still hold a sentence rather than a typed problem (kept English here, worded as before, until they do).
     */
    static String text(String title, Problem problem) {
        return problem.accept(new Problem.Visitor<String>() {
            @Override
            public String fetch(Problem.Fetch p) {
                return p.message();
            }

            @Override
            public String noEntries(Problem.NoEntries p) {
                return "The feed " + p.feed() + " has no entries Footnote could read.";
            }

            @Override
            public String noLongerAFeed(Problem.NoLongerAFeed p) {
                return p.url() + " no longer serves a feed.";
            }

            @Override
            public String nowAFeed(Problem.NowAFeed p) {
                return p.url() + " serves a feed now; remove it and add it again as a feed.";
            }

            @Override
            public String tooManyPassages(Problem.TooManyPassages p) {
                return title + " makes more than " + p.limit() + " passages, the most one source may make"
                        + " (sources.maxPassages).";
            }

            @Override
            public String tookTooLong(Problem.TookTooLong p) {
                String limit = p.limit().toMinutes() >= 1 ? p.limit().toMinutes() + " minutes"
                        : p.limit().toSeconds() + " seconds";
                return title + " took longer than " + limit + ", the most one source job may take"
                        + " (sources.maxJobMinutes).";
            }

            @Override
            public String onOurSide(Problem.OnOurSide p) {
                return "it failed on my side (see the bot's log)";
            }
        });
    }
}
