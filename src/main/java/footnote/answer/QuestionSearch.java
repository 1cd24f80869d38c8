package footnote.answer;

import footnote.corpus.Scope;
import footnote.search.Candidate;
import footnote.search.HybridRetriever;
import footnote.search.Lexicon;
import footnote.search.Retrieval;
import footnote.search.TextAnalysis;
import java.util.Optional;
import java.util.Set;

/**
 * From a question as typed to what retrieval finds for it: the question read as meant (chat words written out,
 * mentions and links taken out, misspellings corrected against the sources' words), then retrieved; when it holds
 * an acronym the sources never use but a retrieved passage spells out ("WIC", the "World Internet Conference"), it
 * is retrieved again with the name written in its place. Thread-safe.
 */
final class QuestionSearch {

    private final HybridRetriever retriever;
    private final TextAnalysis analysis;
    private final Lexicon lexicon;
    private final QuestionReader reader = new QuestionReader();
    private final Speller speller;

    QuestionSearch(HybridRetriever retriever, TextAnalysis analysis, Lexicon lexicon) {
        this.retriever = retriever;
        this.analysis = analysis;
        this.lexicon = lexicon;
        this.speller = new Speller(retriever, lexicon);
    }

    /**
     * @param text   the question as searched
     * @param readAs the same, when it differs from what was asked in more than dropped fillers
     */
    record Search(String text, Optional<String> readAs, Retrieval retrieval) {}

    Search search(String question, Set<Scope> scopes) {
        QuestionReader.Reading reading = reader.read(question);
        String corrected = speller.correct(reading.text());
        boolean changed = reading.expanded() || !corrected.equals(reading.text());
        Retrieval retrieval = retriever.retrieve(corrected, scopes);
        String spelled = spellOutAcronyms(corrected, retrieval);
        if (spelled.equals(corrected)) {
            return new Search(corrected, changed ? Optional.of(corrected) : Optional.empty(), retrieval);
        }
        Retrieval again = retriever.retrieve(spelled, scopes);
        return new Search(spelled, Optional.of(spelled), new Retrieval(again.candidates(), again.termWeights(),
                again.unseenTerms(), again.minCosine(), again.vector(), retrieval.embedNanos() + again.embedNanos(),
                retrieval.searchNanos() + again.searchNanos(), retrieval.fusionNanos() + again.fusionNanos()));
    }

    private String spellOutAcronyms(String text, Retrieval retrieval) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (TextAnalysis.Token token : analysis.tokens(text)) {
            String word = text.substring(token.start(), token.end());
            boolean unseen = retrieval.unseenTerms().contains(token.term());
            boolean capitals = word.chars().allMatch(Character::isUpperCase);
            if (!Acronyms.shaped(word) || !unseen || !(capitals || !lexicon.knows(Speller.plain(word)))) {
                continue;
            }
            Optional<String> name = Acronyms.expand(word, retrieval.candidates().stream()
                    .map(Candidate::passage).toList());
            if (name.isPresent()) {
                // Written out in place: the acronym itself is no word the sources know, and would count as one.
                out.append(text, at, token.start()).append(name.get());
                at = token.end();
            }
        }
        return at == 0 ? text : out.append(text.substring(at)).toString();
    }
}
