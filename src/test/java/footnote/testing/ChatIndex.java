package footnote.testing;

import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.chat.ChatService;
import footnote.chat.QuestionCheck;
import footnote.chat.ServerSettingsStore;
import footnote.conversation.Conversations;
import footnote.corpus.Scope;
import footnote.corpus.Source;
import footnote.corpus.SourceKind;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import footnote.ingest.ArticleFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.Ingester;
import footnote.ingest.SourceBoard;
import footnote.ingest.SourceReader;
import footnote.insights.InsightReports;
import footnote.insights.Insights;
import footnote.search.HybridRetriever;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.summary.Summarizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles indexed in memory with the shipped embedding model, and chat services answering from them as the
 * Discord tests' bot does (the hand-set evidence policy, three excerpts). Building it embeds every passage, some
 * seconds, so a test class builds one and shares it; each test makes its own chat service, with its own settings
 * and conversations.
 */
public final class ChatIndex implements AutoCloseable {

    private final InProcessEmbedder embedder = new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
    private final LuceneIndex index;
    private final SourceBoard board = new SourceBoard();

    private ChatIndex(String name, List<Source> sources) throws IOException {
        index = LuceneIndex.inMemory(name);
        board.update(new Ingester(index, embedder, new SourceReader(new ArticleFiles(), new MemoryCopyStore()), 60, 20)
                .sync(sources, IngestProgress.NONE));
    }

    /** The articles the bot ships with, and these test articles in this scope. */
    public static ChatIndex of(String name, Scope scope, List<String> resources) throws IOException {
        List<Source> sources = new ArrayList<>(BundledSources.in(List.of(Path.of("config/articles"))));
        for (String resource : resources) {
            String id = Path.of(resource).getFileName().toString().replaceFirst("\\.md$", "");
            sources.add(new Source(id, new SourceKind.Bundled(Fixtures.resourcePath(resource)), scope));
        }
        return new ChatIndex(name, sources);
    }

    /** A chat service over this index with these settings and conversations. */
    public ChatService chat(ServerSettingsStore settings, Conversations conversations, Summarizer summarizer) {
        TextAnalysis analysis = new TextAnalysis();
        return new ChatService(Fixtures.followUps(answerer(analysis), analysis), conversations, board,
                new RefusingSourceAdmin(), new QuestionCheck(500), settings, summarizer);
    }

    /** The same, recording questions in {@code insights}; the report groups with this index's embedding model. */
    public ChatService chat(ServerSettingsStore settings, Conversations conversations, Insights insights) {
        TextAnalysis analysis = new TextAnalysis();
        return new ChatService(Fixtures.followUps(answerer(analysis), analysis), conversations, board,
                new RefusingSourceAdmin(), new QuestionCheck(500), settings, Summarizer.none(), insights,
                new InsightReports(embedder));
    }

    private Answerer answerer(TextAnalysis analysis) {
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(100, 0.5, 10));
        return new Answerer(retriever, analysis, Fixtures.lexicon(), embedder,
                new EvidencePolicy(0.7, 0.1, 0.54, 0.1), 3, 400);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
