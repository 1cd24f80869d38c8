package footnote.answer;

import footnote.corpus.Passage;
import footnote.corpus.Scope;
import footnote.search.Candidate;
import footnote.search.Embedder;
import footnote.search.HybridRetriever;
import footnote.search.Lexicon;
import footnote.search.Retrieval;
import footnote.search.TextAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a question from the sources: retrieves candidate passages, reads each against the question's constraints
 * ({@link PassageJudge}), orders them and decides whether the best one answers at all ({@link Judge}), and quotes
 * the sentences that answer, so that a question the sources only come close to gets no excerpt. Thread-safe.
 */
public final class Answerer {

    private final TextAnalysis analysis;
    private final ExcerptSelector selector;
    private final PassageJudge reader;
    private final Judge judge;
    private final int maxExcerpts;
    private final QuestionSearch searches;
    private final SmallTalk smallTalk;
    private final EverydayWords everyday;
    private final AnswerSpan spans;

    /**
     * @param lexicon everyday English: words no source uses that are no misspelling and no unknown name
     */
    public Answerer(HybridRetriever retriever, TextAnalysis analysis, Lexicon lexicon, Embedder embedder, Judge judge,
            int maxExcerpts, int excerptChars) {
        if (maxExcerpts < 1) {
            throw new IllegalArgumentException("maxExcerpts must be at least 1, got " + maxExcerpts);
        }
        this.analysis = analysis;
        this.selector = new ExcerptSelector(excerptChars);
        this.reader = new PassageJudge(analysis);
        this.judge = judge;
        this.maxExcerpts = maxExcerpts;
        this.searches = new QuestionSearch(retriever, analysis, lexicon);
        this.everyday = new EverydayWords(lexicon);
        this.smallTalk = new SmallTalk(embedder);
        this.spans = new AnswerSpan(analysis);
    }

    /** A candidate as the judge saw it. */
    private record Judged(Candidate candidate, PassageJudge.Judgement judgement, Evidence evidence, double rank) {}

    /** What the trainer learns from: a candidate's signals and the text an answer must stand in. */
    record Examined(Signals signals, String text) {}

    /** Everything the judge would weigh for the question, without deciding: for training. */
    List<Examined> examine(String question, Set<Scope> scopes) {
        QuestionSearch.Search search = searches.search(question, scopes);
        return judgeAll(search.text(), search.retrieval()).stream()
                .map(j -> new Examined(j.judgement().signals(), j.candidate().passage().text()))
                .toList();
    }

    public Answer answer(String question, Set<Scope> scopes) {
        QuestionSearch.Search searched = searches.search(question, scopes);
        Retrieval retrieval = searched.retrieval();
        long start = System.nanoTime();
        List<Judged> judged = new ArrayList<>(judgeAll(searched.text(), retrieval));
        judged.sort(Comparator.comparingDouble(Judged::rank).reversed()
                .thenComparing(Comparator.comparingDouble((Judged j) -> j.candidate().score()).reversed()));
        double confidence = judged.isEmpty() ? 0 : confidence(judged.get(0));
        Optional<Answer.SmallTalk.Kind> talk = smallTalk.kind(retrieval.vector());
        if (talk.isPresent()) {
            // A greeting is no question, however well some passage happens to match its one word.
            return new Answer(question, Optional.empty(), new Answer.SmallTalk(talk.get()), 0, timings(retrieval,
                    start));
        }
        Question read = questionOf(searched.text(), retrieval);
        List<Excerpt> excerpts = confidence >= judge.threshold() ? excerpts(judged, retrieval, read) : List.of();
        Answer.Outcome outcome = excerpts.isEmpty()
                ? new Answer.NotFound(unknownWords(searched.text(), retrieval.unseenTerms()))
                : new Answer.Found(excerpts);
        return new Answer(question, searched.readAs(), outcome, Math.max(0, Math.min(1, confidence)),
                timings(retrieval, start), SourceNames.phrases(searched.text(), read, retrieval.candidates(), analysis));
    }

    private static Answer.Timings timings(Retrieval retrieval, long excerptStart) {
        return new Answer.Timings(retrieval.embedNanos(), retrieval.searchNanos(), retrieval.fusionNanos(),
                System.nanoTime() - excerptStart);
    }

    private double confidence(Judged judged) {
        return judge.confidence(judged.judgement().signals(), judged.evidence(), judged.rank());
    }

    private List<Judged> judgeAll(String question, Retrieval retrieval) {
        List<Candidate> candidates = retrieval.candidates();
        Question read = questionOf(question, retrieval);
        double bestBm25 = candidates.stream().mapToDouble(Candidate::bm25).filter(b -> !Double.isNaN(b)).max()
                .orElse(0);
        // An acronym the sources never spell so ("WSJ") is most likely their name for something they write out, so
        // it does not count against the passages the way an unknown name does.
        int unknown = (int) unknownWords(question, retrieval.unseenTerms()).stream()
                .filter(w -> !(Acronyms.shaped(w) && w.chars().allMatch(Character::isUpperCase))).count();
        PassageJudge.Field field = new PassageJudge.Field(bestBm25, retrieval.minCosine(), unknown,
                articleTerms(candidates, read));
        int unknownNames = unknownNames(question, retrieval.unseenTerms()).size();
        List<Judged> judged = new ArrayList<>();
        for (int rank = 0; rank < candidates.size(); rank++) {
            Candidate candidate = candidates.get(rank);
            PassageJudge.Judgement judgement = reader.judge(read, candidate, rank, field);
            Evidence evidence = new Evidence(judgement.signals().get("cosine"), judgement.signals().get("coverage"),
                    unknownNames);
            judged.add(new Judged(candidate, judgement, evidence, judge.rank(judgement.signals(), evidence)));
        }
        return judged;
    }

    private Question questionOf(String question, Retrieval retrieval) {
        return Question.read(question, retrieval.termWeights(), retrieval.unseenTerms(), analysis)
                .withNames(SourceNames.in(retrieval.candidates(), analysis, retrieval.termWeights().keySet()));
    }

    /**
     * For each article among the candidates, the question's key terms that its retrieved passages, the sentences
     * just around them, its title and its date hold.
     */
    private Map<String, Set<String>> articleTerms(List<Candidate> candidates, Question question) {
        Map<String, Set<String>> terms = new HashMap<>();
        for (Candidate candidate : candidates) {
            Passage passage = candidate.passage();
            Set<String> held = terms.computeIfAbsent(passage.articleId(), a -> new HashSet<>());
            held.addAll(reader.present(passage.text() + " " + passage.before().orElse("") + " "
                    + passage.after().orElse("") + " " + PassageJudge.context(passage), question.weights()));
        }
        return terms;
    }

    private List<Excerpt> excerpts(List<Judged> judged, Retrieval retrieval, Question question) {
        KeyTerms terms = new KeyTerms(analysis, retrieval.termWeights());
        List<Excerpt> excerpts = new ArrayList<>();
        Map<String, Set<Integer>> quoted = new HashMap<>();
        for (Judged j : judged) {
            if (excerpts.size() == maxExcerpts) {
                break;
            }
            if (!excerpts.isEmpty() && confidence(j) < judge.support()) {
                continue; // too weak to show beside the best; a later, lower-ranked candidate may still be stronger
            }
            Passage passage = j.candidate().passage();
            Set<Integer> quotedHere = quoted.computeIfAbsent(passage.articleId(), a -> new HashSet<>());
            Optional<ExcerptSelector.Selection> chosen = selector.select(passage, terms, quotedHere,
                    j.judgement().best());
            if (chosen.isEmpty()) {
                continue; // a neighbouring passage already quoted all of it
            }
            ExcerptSelector.Selection selection = chosen.get();
            for (int i = selection.firstSentence(); i <= selection.lastSentence(); i++) {
                quotedHere.add(i);
            }
            Optional<Highlight> answer = excerpts.isEmpty() ? spans.in(question, selection.text()) : Optional.empty();
            excerpts.add(new Excerpt(excerpts.size() + 1, selection.text(), selection.highlights(), answer,
                    Citation.of(passage.metadata()), passage.kind(), passage.articleId(), passage.sourceId(),
                    selection.firstSentence(), selection.lastSentence(), j.evidence()));
        }
        return excerpts;
    }

    /**
     * The words of the question, as typed, that no source uses and that are not everyday English: names and terms
     * the sources know nothing of ("yiming", "nadella"), which a decline can name.
     */
    private List<String> unknownWords(String question, Set<String> unseen) {
        if (unseen.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        List<TextAnalysis.Token> tokens = analysis.tokens(question);
        for (int i = 0; i < tokens.size(); i++) {
            TextAnalysis.Token token = tokens.get(i);
            String word = question.substring(token.start(), token.end());
            if (!unseen.contains(token.term()) || words.contains(word)) {
                continue;
            }
            // Two unseen words side by side, one written with a capital, are a name ("Tim Cook", "Jensen huang"), even
            // when each is also an everyday word; lower case they may be words ("boss sat"), and one alone ("held")
            // is just a word the sources do not use.
            boolean pair = (i > 0 && unseenNeighbours(question, tokens.get(i - 1), token, unseen))
                    || (i + 1 < tokens.size() && unseenNeighbours(question, token, tokens.get(i + 1), unseen));
            if (pair || !everyday.everyday(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean unseenNeighbours(String text, TextAnalysis.Token a, TextAnalysis.Token b,
            Set<String> unseen) {
        return unseen.contains(a.term()) && unseen.contains(b.term())
                && text.substring(a.end(), b.start()).isBlank()
                && Character.isLetter(text.codePointAt(a.start())) && Character.isLetter(text.codePointAt(b.start()))
                && (Character.isUpperCase(text.codePointAt(a.start())) || Character.isUpperCase(text.codePointAt(b.start())));
    }

    /**
     * The question's names that the sources never mention, as typed: key terms no passage contains, written with a
     * capital inside the question (its first word is capitalised anyway).
     */
    private List<String> unknownNames(String question, Set<String> unseen) {
        if (unseen.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (TextAnalysis.Token token : analysis.tokens(question)) {
            boolean first = question.substring(0, token.start()).isBlank();
            if (!first && unseen.contains(token.term()) && Character.isUpperCase(question.codePointAt(token.start()))) {
                names.add(question.substring(token.start(), token.end()));
            }
        }
        return names;
    }
}
