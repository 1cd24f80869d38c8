package footnote.conversation;

import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a follow-up against the conversation's recent turns without a language model, from the conversation's own
 * words: "what about tencent?" asks the last question of Tencent; "he", "it", "they" and their possessives point at
 * the last question's subject (for "he" and "she", the person a who-question was answered with); "that" standing
 * alone is what the last question was about; a question that only names something already in play ("those
 * metals", "what's the deadline?") is read with the last question's words beside it. A question with names of its
 * own stands alone: its pronouns are its own ("what did the CSRC do to jack ma after his speech").
 */
final class FollowUpReader {

    /**
     * A follow-up as read in context.
     *
     * @param question what is searched: the follow-up with its references filled in
     * @param shown    the same as a member reads it, with the earlier question it leans on when words of that
     *                 were added
     * @param how      whether the follow-up points back itself or only seems to lean on what came before
     */
    record Reading(String question, String shown, How how) {}

    /** How sure the reading is that the question is a follow-up at all. */
    enum How {
        /** It points back: "he", "its", "that" standing alone, "what about X", "and X?". */
        REFERS,
        /**
         * It names nothing of its own ("what's the deadline?", "those metals"): a follow-up only when it does not
         * stand alone, since "what was the meeting about?" may be asked first as well as second.
         */
        LEANS
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String AUX = "is|are|was|were|did|does|do|has|have|had|will|would|can|could|should";
    private static final String WH = "who|whom|whose|what|when|where|why|how|which";
    /** "what about X?", "how about X", "and what about X". */
    private static final Pattern WHAT_ABOUT = Pattern.compile("^(?:and\\s+)?(?:what|how)\\s+about\\s+(.+)$", FLAGS);
    /** "and the cisco ceo?", "also X": a leading conjunction, before either a question or a bare phrase. */
    private static final Pattern AND = Pattern.compile("^(?:and|also|plus)[,\\s]+(.+)$", FLAGS);
    private static final Pattern QUESTION_START = Pattern.compile("^(?:" + WH + "|" + AUX + ")\\b", FLAGS);
    /** The question words a question opens with, up to where its subject starts: "what did", "who's", "how much did". */
    private static final Pattern OPENING = Pattern.compile("^(?:" + WH + ")(?:\\s+(?:much|many|long|often|far|old))?"
            + "(?:['’]s\\b|\\s+(?:" + AUX + ")\\b)?\\s*", FLAGS);
    private static final Pattern LEADING_PREPOSITION = Pattern.compile("^(?:at|in|on|of|for|with|about|to|from|"
            + "behind|by)\\s+", FLAGS);
    /** "who is X?": a question about a person, whom "he" or "she" then means. */
    private static final Pattern WHO_IS = Pattern.compile("^who(?:['’]s|\\s+is|\\s+was)\\s+", FLAGS);
    private static final Pattern PERSONAL = Pattern.compile("\\b(he|she|him|his|her|hers)\\b", FLAGS);
    private static final Pattern NEUTER = Pattern.compile("\\b(it|its|they|them|their|theirs)\\b(?!['’](?:s|d)\\b\\s+"
            + "(?:been|not|just|true|possible|likely)\\b)", FLAGS);
    /** "that" or "this" standing for a thing: at the end, or after a verb it is the subject of ("did that take"). */
    private static final Pattern DEMONSTRATIVE_PRONOUN = Pattern.compile("\\b(?:(?<=(?:" + AUX + ")\\s)(that|this)\\b"
            + "|(that|this)(?=\\s*[?.!]*$))", FLAGS);
    /** "who spoke there?", not "is there a deadline?". */
    private static final Pattern THERE = Pattern.compile("\\bthere\\b(?!\\s*(?:is|are|was|were|be|been|will|would|has|have"
            + "|had|['’]s)\\b)(?<!\\b(?:is|are|was|were|will|would|has|have|had)\\s{1,3}there)", FLAGS);
    /** "that speech", "those metals": something named before, by a noun alone. */
    private static final Pattern DEMONSTRATIVE = Pattern.compile("\\b(?:that|this|those|these)\\s+\\p{L}", FLAGS);
    private static final Pattern POSSESSIVE = Pattern.compile("his|its|their|theirs|hers", FLAGS);
    /** Capitalised words in a row, not all capitals (an acronym is rarely a person): "Lei Jun", "Pony Ma Huateng". */
    private static final Pattern NAME_RUN = Pattern.compile("\\p{Lu}\\p{Ll}[\\p{L}’'-]*(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}’'-]*)*");
    private static final Pattern TRAILING = Pattern.compile("[\\s?.!]+$");
    /** "what is the world internet conference", "who's pony ma": a question about one thing, named in full. */
    private static final Pattern DEFINITION = Pattern.compile("^(?:what|who)(?:['’]s|\\s+(?:is|was|are|were))\\s+"
            + "(?!(?:the\\s+)?(?:reason|point|deal|difference)\\b)(.+)$", FLAGS);
    /** Longer than this, "what is …" asks about a situation rather than names one thing. */
    static final int MAX_SUBJECT_WORDS = 5;
    /** A follow-up with no more key terms than this and no name of its own leans on the conversation. */
    static final int FEW_TERMS = 2;

    private final TextAnalysis analysis;

    FollowUpReader(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * The follow-up read against the recent turns (oldest first); empty when it stands on its own.
     *
     * @param ownNames the names the follow-up holds itself, as the answerer found them
     */
    Optional<Reading> read(String followUp, List<String> ownNames, List<Turn> recent) {
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        Turn last = recent.get(recent.size() - 1);
        String text = TRAILING.matcher(followUp.strip()).replaceAll("");
        Matcher about = WHAT_ABOUT.matcher(text);
        if (about.matches()) {
            // "what about him?": the pronoun is read first.
            return Optional.of(sameOf(last, recent, resolvePronouns(about.group(1).strip(), List.of(), recent)));
        }
        Matcher and = AND.matcher(text);
        if (and.matches()) {
            if (!QUESTION_START.matcher(and.group(1)).find()) {
                return Optional.of(sameOf(last, recent, resolvePronouns(and.group(1).strip(), List.of(), recent)));
            }
            text = and.group(1);
        }
        String resolved = resolvePronouns(text, ownNames, recent);
        boolean points = !resolved.equals(text) || (ownNames.isEmpty() && DEMONSTRATIVE.matcher(resolved).find());
        boolean bare = ownNames.isEmpty() && analysis.keyTerms(resolved).size() <= FEW_TERMS;
        if (!points && (!bare || !last.answered())) {
            return Optional.empty(); // a question the sources did not answer leaves nothing in play to lean on
        }
        String question = resolved + "?";
        How how = points ? How.REFERS : How.LEANS;
        // Words of the last question go beside one that still names nothing itself ("where did jack ma give that
        // speech?" needs "regulators" to find which speech).
        boolean open = DEMONSTRATIVE.matcher(resolved).find() || (ownNames.isEmpty() && NEUTER.matcher(resolved).find());
        return Optional.of(bare || open ? beside(question, last, how)
                : new Reading(question, question, how));
    }

    /** "what about X?": the last question asked of X in its subject's place, or with X beside it. */
    private Reading sameOf(Turn last, List<Turn> recent, String other) {
        String previous = TRAILING.matcher(last.question()).replaceAll("");
        Optional<String> subject = subject(recent);
        Matcher opening = OPENING.matcher(previous);
        if (subject.isPresent() && opening.lookingAt()) {
            String rest = previous.substring(opening.end());
            String lead = rest.toLowerCase(Locale.ROOT).startsWith("the ") ? "the " : "";
            if (rest.regionMatches(true, lead.length(), subject.get(), 0, subject.get().length())) {
                String question = previous.substring(0, opening.end()) + other
                        + rest.substring(lead.length() + subject.get().length()) + "?";
                return new Reading(question, question, How.REFERS);
            }
        }
        String question = previous + " — " + other + "?";
        return new Reading(question, question, How.REFERS);
    }

    private String resolvePronouns(String text, List<String> ownNames, List<Turn> recent) {
        String out = text;
        Optional<String> person = person(recent);
        int firstName = firstIndex(text, ownNames);
        if (person.isPresent()) {
            out = replace(out, PERSONAL, person.get(), m -> m.start() < firstName);
        }
        Optional<String> subject = subject(recent);
        // "did he mean it?": once "he" is the subject, "it" is something else, left for the words beside it.
        boolean personTaken = !out.equals(text) && subject.equals(person);
        if (subject.isPresent() && !personTaken) {
            int before = firstIndex(out, ownNames);
            // "it" and "they" are often no reference at all ("how much did it cost to train deepseek's model"),
            // so they are read as one only in a question without names; "its" and "their" before any name are.
            out = replace(out, NEUTER, subject.get(), m -> ownNames.isEmpty()
                    || (POSSESSIVE.matcher(m.group(1)).matches() && m.start() < before));
            if (ownNames.isEmpty()) {
                out = THERE.matcher(out).replaceFirst(Matcher.quoteReplacement("at " + subject.get()));
            }
        }
        Optional<String> topic = topic(recent);
        if (topic.isPresent() && ownNames.isEmpty()) {
            Matcher m = DEMONSTRATIVE_PRONOUN.matcher(out);
            if (m.find()) {
                out = out.substring(0, m.start()) + topic.get() + out.substring(m.end());
            }
        }
        return out;
    }

    private static String replace(String text, Pattern pronouns, String referent,
            java.util.function.Predicate<Matcher> where) {
        Matcher m = pronouns.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            boolean possessive = POSSESSIVE.matcher(word).matches()
                    || (word.equalsIgnoreCase("her") && followedByWord(text, m.end()));
            String with = where.test(m) ? referent + (possessive ? "'s" : "") : word;
            m.appendReplacement(out, Matcher.quoteReplacement(with));
        }
        return m.appendTail(out).toString();
    }

    /** "her speech" (possessive) as against "ask her about" or "her?" (object). */
    private static boolean followedByWord(String text, int at) {
        String rest = text.substring(at).strip().toLowerCase(Locale.ROOT);
        return !rest.isEmpty() && Character.isLetter(rest.charAt(0))
                && !rest.matches("^(?:about|to|for|in|on|at|with|from|and|or|of|by|before|after)\\b.*");
    }

    /** The question with the last question's words beside it, for searching, and the last question, for showing. */
    private Reading beside(String question, Turn last, How how) {
        Set<String> present = new LinkedHashSet<>(analysis.keyTerms(question));
        Set<String> wanted = new LinkedHashSet<>(analysis.keyTerms(last.question()));
        List<String> words = new ArrayList<>();
        for (TextAnalysis.Token token : analysis.tokens(last.question())) {
            if (wanted.contains(token.term()) && present.add(token.term())) {
                words.add(last.question().substring(token.start(), token.end()));
            }
        }
        if (words.isEmpty()) {
            return new Reading(question, question, how);
        }
        return new Reading(question + " " + String.join(" ", words), question + " (following: "
                + TRAILING.matcher(last.question()).replaceAll("") + "?)", how);
    }

    /**
     * What "it", "they" and "there" point at: what the latest "what is X?" asked about, else the first name of the
     * latest turn that has one.
     */
    private static Optional<String> subject(List<Turn> recent) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            Turn turn = recent.get(i);
            Optional<String> defined = defined(turn);
            if (defined.isPresent()) {
                return defined;
            }
            if (!turn.names().isEmpty()) {
                String name = turn.names().get(0);
                // Within a thread on one thing, its name in full: "internet" was "the world internet conference".
                return recent.subList(0, i).stream().map(FollowUpReader::defined).flatMap(Optional::stream)
                        .filter(full -> indexOfIgnoreCase(full, name) >= 0).reduce((a, b) -> b).or(() -> Optional.of(name));
            }
        }
        return Optional.empty();
    }

    /** What a "what is X?" question asks about, when X is short enough to be one thing. */
    private static Optional<String> defined(Turn turn) {
        Matcher defined = DEFINITION.matcher(TRAILING.matcher(turn.question()).replaceAll(""));
        return defined.matches() && defined.group(1).split("\\s+").length <= MAX_SUBJECT_WORDS
                ? Optional.of(defined.group(1)) : Optional.empty();
    }

    /**
     * What "he" and "she" point at: the person a "who is X" question asked about; the person another who-question
     * was answered with ("who founded deepseek?" "Liang Wenfeng"); else the last subject.
     */
    private static Optional<String> person(List<Turn> recent) {
        Turn last = recent.get(recent.size() - 1);
        String question = last.question().strip();
        if (WHO_IS.matcher(question).lookingAt() && !last.names().isEmpty()) {
            return Optional.of(last.names().get(0));
        }
        if (question.toLowerCase(Locale.ROOT).startsWith("who")) {
            Optional<String> named = last.answer().flatMap(span -> nameIn(span, last.names()));
            if (named.isPresent()) {
                return named;
            }
        }
        return subject(recent);
    }

    /**
     * The last run of capitalised words in an answer span that the question did not name itself, acronyms aside:
     * "Lei Jun" in "Xiaomi founder and CEO Lei Jun".
     */
    static Optional<String> nameIn(String span, List<String> asked) {
        Matcher run = NAME_RUN.matcher(span);
        Optional<String> found = Optional.empty();
        while (run.find()) {
            String name = run.group();
            if (asked.stream().noneMatch(a -> a.equalsIgnoreCase(name))) {
                found = Optional.of(name);
            }
        }
        return found;
    }

    /** What "that" standing alone points at: the last question without its question words. */
    private static Optional<String> topic(List<Turn> recent) {
        String previous = TRAILING.matcher(recent.get(recent.size() - 1).question()).replaceAll("");
        Matcher opening = OPENING.matcher(previous);
        String rest = opening.lookingAt() ? previous.substring(opening.end()) : previous;
        rest = LEADING_PREPOSITION.matcher(rest).replaceFirst("").strip();
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    /** Where the first of the names stands in the text; past its end when none does. */
    private static int firstIndex(String text, List<String> names) {
        return names.stream().mapToInt(n -> indexOfIgnoreCase(text, n)).filter(i -> i >= 0).min()
                .orElse(Integer.MAX_VALUE);
    }

    private static int indexOfIgnoreCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).indexOf(part.toLowerCase(Locale.ROOT));
    }
}
