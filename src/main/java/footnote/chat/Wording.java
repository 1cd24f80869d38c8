package footnote.chat;

import footnote.answer.Answer.SmallTalk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The words for what the answerer made of a question, shared by the renderers so that the terminal, JSON and
 * Discord say the same thing: small talk, a decline, how the question was read. Each medium says how to ask in
 * its own way, and escapes the asker's words for its own markup. Public for the Discord renderer, in
 * {@code footnote.discord}.
 */
public final class Wording {

    public static final String NOT_FOUND = "I couldn't find that in the sources.";
    /** Who wrote a model's summary, as its heading says: a member should know a model's words from a quote. */
    public static final String BY_MODEL = "written by a language model from the excerpts";
    /** The most unknown words a decline names; the rest are counted. */
    static final int MAX_TERMS = 3;
    /** The longest unknown word or readAs shown: a question is at most a few hundred characters anyway. */
    static final int MAX_ASKED = 200;

    private Wording() {}

    /**
     * One short line for small talk, worded for its kind, saying what Footnote does and how to ask.
     *
     * @param howToAsk a sentence saying how to ask in this medium
     */
    public static String smallTalk(SmallTalk.Kind kind, String howToAsk) {
        return switch (kind) {
            case GREETING -> "Hello! I'm Footnote: I answer questions about the articles I know with quotes from"
                    + " them, each with its source. " + howToAsk;
            case THANKS -> "Glad it helped! I'm here for anything else about the articles, answered with quotes from"
                    + " them. " + howToAsk;
            case ABOUT_BOT -> "I'm Footnote, a bot: I answer questions about the articles I know with quotes from"
                    + " them, each with its source. " + howToAsk;
        };
    }

    /**
     * The sources do not answer: said plainly, naming the words of the question no source mentions, in quotation
     * marks as the asker typed them, so that the line reads as what was asked and never as an answer.
     *
     * @param escape makes the asker's words safe in the medium's markup
     */
    public static String decline(List<String> unknownTerms, UnaryOperator<String> escape) {
        if (unknownTerms.isEmpty()) {
            return NOT_FOUND;
        }
        List<String> named = new ArrayList<>();
        for (String term : unknownTerms.subList(0, Math.min(MAX_TERMS, unknownTerms.size()))) {
            named.add("“" + escape.apply(Shortening.cut(term.strip(), MAX_ASKED)) + "”");
        }
        int more = unknownTerms.size() - named.size();
        if (more > 0) {
            named.add(more == 1 ? "one more of your words" : more + " more of your words");
        }
        String list = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.get(named.size() - 1);
        return "I couldn't find that in the sources: they never mention " + list + ".";
    }

    /**
     * The line before an answer that says how the question was read: a follow-up as read in its conversation, else
     * the question as searched when that differs from what was asked; empty when it was taken as typed.
     */
    public static Optional<String> reading(Reply.Answered reply, UnaryOperator<String> escape) {
        return reply.inContext().map(read -> readingAs(read, escape))
                .or(() -> reply.answer().readAs().map(read -> searchedFor(read, escape)));
    }

    /** How a follow-up was read in its conversation, so that a member can see it and ask in full instead. */
    public static String readingAs(String read, UnaryOperator<String> escape) {
        return "Reading this as: " + escape.apply(Shortening.cut(read.replaceAll("\\s+", " ").strip(), MAX_ASKED));
    }

    /** How the question was searched, when that differs from what was asked (a typo corrected). */
    public static String searchedFor(String readAs, UnaryOperator<String> escape) {
        return "Searched for: " + escape.apply(Shortening.cut(readAs.replaceAll("\\s+", " ").strip(), MAX_ASKED));
    }

    /**
     * What a moderator's change to the settings did, in one sentence. Roles and channels are named as the medium
     * names them (Discord: as mentions, which its clients show as the role's or channel's name).
     *
     * @param role    names a role, given its id
     * @param channel names a channel, given its id
     */
    public static String settingChange(Command.SettingChange change, UnaryOperator<String> role,
            UnaryOperator<String> channel) {
        return change.accept(new Command.SettingChange.Visitor<String>() {
            @Override
            public String moderatorRole(Command.ModeratorRole c) {
                return c.on() ? "Members with " + role.apply(c.roleId()) + " are now moderators."
                        : "Members with " + role.apply(c.roleId()) + " are no longer moderators by that role.";
            }

            @Override
            public String askChannel(Command.AskChannel c) {
                return c.on() ? "Every message in " + channel.apply(c.channelId()) + " is now taken as a question."
                        : "Messages in " + channel.apply(c.channelId()) + " are no longer taken as questions.";
            }

            @Override
            public String bundledSources(Command.BundledSources c) {
                return c.shown() ? "The sources shipped with the bot answer here again."
                        : "The sources shipped with the bot no longer answer here; only this server's own sources do.";
            }

            @Override
            public String answers(Command.Answers c) {
                return "Answers now " + answersIn(c.in()) + ".";
            }

            @Override
            public String digest(Command.Digest c) {
                return c.channelId().map(id -> "The insights report of the last week now goes to "
                        + channel.apply(id) + " once a week.").orElse("The weekly insights digest is off.");
            }
        });
    }

    /** Where the weekly digest goes, as the settings show it ("Weekly insights digest: …"). */
    public static String digest(Optional<String> channelId, UnaryOperator<String> channel) {
        return channelId.map(channel).orElse("off");
    }

    /**
     * Where answers go, and so where a member asks a follow-up, as the settings show it ("Answers: …") and a
     * change says it.
     */
    public static String answersIn(ServerSettings.AnswersIn in) {
        return switch (in) {
            case THREAD -> "open a thread on the question, where follow-ups go (a reply where I may not open one)";
            case REPLY -> "come as a reply to the question; reply to an answer to ask a follow-up";
        };
    }
}
