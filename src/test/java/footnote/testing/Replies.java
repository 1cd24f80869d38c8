package footnote.testing;

import footnote.corpus.SentenceSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a rendered reply says, read back as a member reads it: without Markdown, citations or quotation marks. */
public final class Replies {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|\\\\(?=[\\\\*_~`|])|(?m)^(?:> |-# )|\\[\\d+]|[“”\"…]");
    private static final Pattern EDGES = Pattern.compile("^[\\s'‘’(*]+|[\\s'‘’.,;:!?)*]+$");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Shorter runs ("It did.") may well come up twice by chance. */
    private static final int MIN_WORDS = 4;

    private Replies() {}

    /** The reply's text as read: Markdown markers, escapes, citation numbers and quotation marks gone. */
    public static String plain(String reply) {
        return MARKUP.matcher(reply).replaceAll("");
    }

    /** The first quote of a Discord answer, as read (its line "> **[1]** …"); empty when it quotes nothing. */
    public static java.util.Optional<String> firstQuote(String reply) {
        return reply.lines().filter(line -> line.startsWith("> **[1]**")).findFirst().map(Replies::plain)
                .map(String::strip);
    }

    /** How a follow-up was read in its conversation, as the answer's first line says; empty when asked alone. */
    public static java.util.Optional<String> readingAs(String reply) {
        return plain(reply).lines().filter(line -> line.startsWith("Reading this as: ")).findFirst()
                .map(line -> line.substring("Reading this as: ".length()));
    }

    /** Each sentence of four words or more that the reply says more than once, anywhere in it. */
    public static List<String> repeatedSentences(String reply) {
        List<String> lines = plain(reply).lines().toList();
        String all = normalised(String.join(" \n ", lines));
        Set<String> repeated = new LinkedHashSet<>();
        for (String line : lines) {
            for (String sentence : SPLITTER.split(line)) {
                String said = normalised(sentence);
                if (said.split(" ").length >= MIN_WORDS && all.indexOf(said) != all.lastIndexOf(said)) {
                    repeated.add(sentence);
                }
            }
        }
        return new ArrayList<>(repeated);
    }

    private static String normalised(String text) {
        return EDGES.matcher(SPACE.matcher(text).replaceAll(" ")).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
