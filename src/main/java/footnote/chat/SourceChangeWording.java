package footnote.chat;

import footnote.corpus.SourceChange;
import footnote.corpus.SourceChange.Problem;
import footnote.corpus.SourceChange.Refusal;
import footnote.corpus.SourceStatus;
import java.time.Duration;

/**
 * The words for what a source operation did, shared by the renderers so the terminal, JSON and Discord say the
 * same thing; each escapes them for its own markup. The commands named ({@code /sources status},
 * {@code /sources list}) are the slash commands, which the terminal's users have always read too. Public for the
 * Discord renderer, in {@code footnote.discord}.
 */
public final class SourceChangeWording {

    private SourceChangeWording() {}

    /** One or two sentences: "Added feed Example News (id k3x9qa): 12 articles, 140 passages." */
    public static String words(SourceChange change) {
        return change.accept(new SourceChange.Visitor<String>() {
            @Override
            public String added(SourceChange.Added c) {
                SourceStatus s = c.status();
                return "Added " + s.source().kind().label() + " " + s.title() + " (id " + s.source().id() + "): "
                        + count(s.articles(), "article") + ", " + count(s.passages(), "passage") + ".";
            }

            @Override
            public String refreshed(SourceChange.Refreshed c) {
                return "Refreshed " + c.status().title() + ": " + news(c.added(), c.changed()) + ".";
            }

            @Override
            public String unchanged(SourceChange.Unchanged c) {
                return "Uploaded files do not change; " + c.status().title() + " is as it was.";
            }

            @Override
            public String refreshedAll(SourceChange.RefreshedAll c) {
                return "Refreshed " + c.sources() + " sources"
                        + (c.failed() == 0 ? "." : "; " + c.failed() + " failed (see /sources status).");
            }

            @Override
            public String removed(SourceChange.Removed c) {
                SourceStatus s = c.before();
                return "Removed " + s.title() + " (id " + s.source().id() + "): its " + s.passages()
                        + " passages no longer answer questions.";
            }

            @Override
            public String stopped(SourceChange.Stopped c) {
                return doing(c.operation()) + " " + c.name() + " stopped: the source was removed meanwhile.";
            }

            @Override
            public String refused(SourceChange.Refused c) {
                return refusal(c.refusal());
            }

            @Override
            public String failed(SourceChange.Failed c) {
                if (c.operation() == SourceChange.Operation.ADDING) {
                    return problem(c.title(), c.problem(),
                            "Adding " + c.title() + " failed on my side; the details are in the bot's log.");
                }
                return "Could not refresh " + c.title() + ": "
                        + problem(c.title(), c.problem(), "it failed on my side (see the bot's log).")
                        + " The text fetched before keeps answering.";
            }
        });
    }

    static String refusal(Refusal refusal) {
        return refusal.accept(new Refusal.Visitor<String>() {
            @Override
            public String indexReadOnly(Refusal.IndexReadOnly r) {
                return "Another Footnote process is writing to this index; run source commands there.";
            }

            @Override
            public String notAWebAddress(Refusal.NotAWebAddress r) {
                return r.url() + " is not a web address; give an http or https URL.";
            }

            @Override
            public String notAReadableFile(Refusal.NotAReadableFile r) {
                return r.fileName() + " is not a file Footnote reads: upload .txt, .md, .html or .pdf files.";
            }

            @Override
            public String alreadyASource(Refusal.AlreadyASource r) {
                return r.what() + " is already a source here: " + r.existingTitle() + " (id " + r.existingId() + ").";
            }

            @Override
            public String unknownSource(Refusal.UnknownSource r) {
                return "There is no source " + r.id() + " here; /sources list shows the ids.";
            }

            @Override
            public String bundledSource(Refusal.BundledSource r) {
                return r.id() + " is a file shipped with the bot; it cannot be removed or refreshed from chat.";
            }

            @Override
            public String nothingToRefresh(Refusal.NothingToRefresh r) {
                return "There are no added sources to refresh here.";
            }

            @Override
            public String sourceGone(Refusal.SourceGone r) {
                return "Source " + r.id() + " is gone.";
            }
        });
    }

    /**
     * Why an add or refresh failed. An add that failed left nothing behind, so its sentence is the problem alone;
     * a refresh's follows "Could not refresh <title>: ".
     *
     * @param ourSide the sentence for a fault of the bot's, which differs between the two
     */
    private static String problem(String title, Problem problem, String ourSide) {
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
                return limit(title, p);
            }

            @Override
            public String tookTooLong(Problem.TookTooLong p) {
                return limit(title, p);
            }

            @Override
            public String onOurSide(Problem.OnOurSide p) {
                return ourSide;
            }

            @Override
            public String copyMissing(Problem.CopyMissing p) {
                return "its copy is missing from the index folder; upload the file again to keep it";
            }

            @Override
            public String notIndexedYet(Problem.NotIndexedYet p) {
                return "not indexed yet";
            }
        });
    }

    /** Why a source's last fetch or read failed, as its status shows it ("last fetch failed: ..."). */
    public static String recorded(String title, Problem problem) {
        return problem(title, problem, "it failed on my side (see the bot's log)");
    }

    /** A limit reached, naming the setting that sets it so an operator knows what to raise. */
    static String limit(String title, Problem.TooManyPassages p) {
        return title + " makes more than " + p.limit() + " passages, the most one source may make"
                + " (sources.maxPassages).";
    }

    static String limit(String title, Problem.TookTooLong p) {
        Duration max = p.limit();
        String limit = max.toMinutes() >= 1 ? max.toMinutes() + " minutes" : max.toSeconds() + " seconds";
        return title + " took longer than " + limit + ", the most one source job may take (sources.maxJobMinutes).";
    }

    private static String doing(SourceChange.Operation operation) {
        return switch (operation) {
            case ADDING -> "Adding";
            case REFRESHING -> "Refreshing";
        };
    }

    private static String news(int added, int changed) {
        if (added > 0 && changed > 0) {
            return added + " new, " + changed + " changed";
        }
        return added > 0 ? added + " new" : changed > 0 ? changed + " changed" : "nothing new";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
