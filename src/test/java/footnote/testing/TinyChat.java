package footnote.testing;

import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.chat.ChatService;
import footnote.chat.QuestionCheck;
import footnote.chat.ServerSettingsStore;
import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.insights.InsightReports;
import footnote.insights.Insights;
import footnote.search.HybridRetriever;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.summary.Summarizer;
import java.io.IOException;
import java.util.List;

/**
 * One small article ("Sixteen humanoid robots danced at the gala.") indexed in memory with the hashing stand-in
 * for the embedding model, and chat services over it: for tests of the chat's plumbing, in milliseconds. Tests of
 * how real questions are answered use {@link ChatIndex}.
 */
public final class TinyChat implements AutoCloseable {

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final TextAnalysis analysis = new TextAnalysis();
    private final LuceneIndex index = LuceneIndex.inMemory("tiny");

    public TinyChat() throws IOException {
        Article article = Fixtures.article("gala", "Gala", "Sixteen humanoid robots danced at the gala.");
        List<Passage> passages = new Chunker(60, 20).chunk(article);
        index.putArticle(new IndexedArticle("gala", "gala", article.scope(), "Gala", "f", passages.size()),
                passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
        index.commit();
    }

    /** A chat service that records no insights. */
    public ChatService chat(Summarizer summarizer) {
        return new ChatService(Fixtures.followUps(answerer(), analysis), Fixtures.conversations(),
                scopes -> List.of(), new RefusingSourceAdmin(), new QuestionCheck(100), new MemorySettingsStore(),
                summarizer);
    }

    /** A chat service recording in {@code insights}. */
    public ChatService chat(Insights insights) {
        return chat(insights, new MemorySettingsStore());
    }

    /** A chat service recording in {@code insights}, with the settings a bot reads too (the Discord tests). */
    public ChatService chat(Insights insights, ServerSettingsStore settings) {
        return new ChatService(Fixtures.followUps(answerer(), analysis), Fixtures.conversations(),
                scopes -> List.of(), new RefusingSourceAdmin(), new QuestionCheck(100), settings,
                Summarizer.none(), insights, new InsightReports(embedder));
    }

    private Answerer answerer() {
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(10, 0.5, 5));
        return new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.5, 0.1, 0.5, 0.1),
                3, 400);
    }

    @Override
    public void close() throws IOException {
        index.close();
        analysis.close();
    }
}
