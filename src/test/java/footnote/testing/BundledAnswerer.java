package footnote.testing;

import footnote.answer.Answer;
import footnote.answer.Answerer;
import footnote.answer.AnswerModel;
import footnote.conversation.FollowUps;
import footnote.corpus.Scope;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import footnote.ingest.ArticleFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.Ingester;
import footnote.ingest.SourceReader;
import footnote.search.HybridRetriever;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The articles the bot ships with (config/articles), indexed in memory with the shipped embedding model, and
 * answered with the shipped settings (config/footnote.yaml): what a member asking the bot out of the box gets.
 * Building it embeds every passage, some seconds, so a test class builds one and shares it.
 */
public final class BundledAnswerer implements AutoCloseable {

    private final LuceneIndex index = LuceneIndex.inMemory("bundled");
    private final TextAnalysis analysis = new TextAnalysis();
    private final Answerer answerer;

    public BundledAnswerer() throws IOException {
        InProcessEmbedder embedder = new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        new Ingester(index, embedder, new SourceReader(new ArticleFiles(), new MemoryCopyStore()), 60, 20)
                .sync(BundledSources.in(List.of(Path.of("config/articles"))), IngestProgress.NONE);
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(100, 0.5, 10));
        answerer = new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, AnswerModel.shipped(), 3, 400);
    }

    /** Follow-ups read as the bot reads them without a language model, over the same answerer. */
    public FollowUps followUps() {
        return Fixtures.followUps(answerer, analysis);
    }

    /** The answer every server gets. */
    public Answer answer(String question) {
        return answerer.answer(question, Set.of(Scope.GLOBAL));
    }

    @Override
    public void close() throws Exception {
        analysis.close();
        index.close();
    }
}
