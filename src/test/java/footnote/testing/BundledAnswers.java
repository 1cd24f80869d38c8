package footnote.testing;

import footnote.answer.Answer;
import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.corpus.Scope;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.InProcessEmbedder;
import footnote.eval.EvalQuestion;
import footnote.eval.QuestionFiles;
import footnote.ingest.ArticleFiles;
import footnote.ingest.BundledSources;
import footnote.ingest.IngestProgress;
import footnote.ingest.Ingester;
import footnote.ingest.SourceReader;
import footnote.search.HybridRetriever;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The development questions answered by the real answerer over the articles the bot ships with, with the shipped
 * settings (config/footnote.yaml): what members would see, for tests that measure replies rather than hand-built
 * answers.
 */
public final class BundledAnswers {

    /** One development question and the answer it got. */
    public record Asked(EvalQuestion question, Answer answer) {}

    private BundledAnswers() {}

    public static List<Asked> devQuestions() throws Exception {
        InProcessEmbedder embedder = new InProcessEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        List<Asked> asked = new ArrayList<>();
        try (LuceneIndex index = LuceneIndex.inMemory("bundled-answers");
                TextAnalysis analysis = new TextAnalysis()) {
            new Ingester(index, embedder, new SourceReader(new ArticleFiles(), new MemoryCopyStore()), 60, 20)
                    .sync(BundledSources.in(List.of(Path.of("config/articles"))), IngestProgress.NONE);
            HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                    new HybridRetriever.Settings(100, 0.5, 10));
            Answerer answerer = new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.7, 0.1, 0.54, 0.1), 3, 400);
            for (EvalQuestion q : new QuestionFiles().read(Fixtures.resourcePath("eval/dev-questions.jsonl"))) {
                asked.add(new Asked(q, answerer.answer(q.question(), Set.of(Scope.GLOBAL))));
            }
        }
        return asked;
    }
}
