package footnote.conversation;

import footnote.search.TextAnalysis;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a rewritten question keeps to the conversation: every key term of it (stemmed, stop words aside) must
 * come from the follow-up, an earlier question or what the answers quoted. A rewrite that brings in a word from
 * nowhere ("Baidu" when nobody said Baidu) would search for something nobody asked, so it is refused.
 */
final class RewriteCheck {

    /** Longer than any question worth searching for; a model that rambles is refused. */
    static final int MAX_CHARS = 300;

    private final TextAnalysis analysis;

    RewriteCheck(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    boolean keepsTo(String rewrite, List<Turn> recent, String followUp) {
        if (rewrite.isBlank() || rewrite.length() > MAX_CHARS || rewrite.lines().count() > 1) {
            return false;
        }
        Set<String> said = new HashSet<>(analysis.keyTerms(followUp));
        for (Turn turn : recent) {
            said.addAll(analysis.keyTerms(turn.question()));
            turn.quotes().forEach(quote -> said.addAll(analysis.keyTerms(quote)));
        }
        List<String> terms = analysis.keyTerms(rewrite);
        return !terms.isEmpty() && said.containsAll(terms);
    }
}
