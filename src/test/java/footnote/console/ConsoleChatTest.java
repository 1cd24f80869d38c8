package footnote.console;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.chat.ChatService;
import footnote.chat.QuestionCheck;
import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.search.HybridRetriever;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.summary.Summarizer;
import footnote.summary.SummaryModel;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import footnote.testing.MemorySettingsStore;
import footnote.testing.RefusingSourceAdmin;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {

    private static String chat(String input) throws IOException {
        return chat(input, Summarizer.none());
    }

    private static String chat(String input, Summarizer summarizer) throws IOException {
        return chatWatching(input, summarizer, new CountDownLatch(0));
    }

    /** The chat's output; {@code quotesShown} opens once a quote's citation line is out. */
    private static String chatWatching(String input, Summarizer summarizer, CountDownLatch quotesShown)
            throws IOException {
        HashingEmbedder embedder = new HashingEmbedder();
        TextAnalysis analysis = new TextAnalysis();
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            Article article = Fixtures.article("gala", "Gala", "Sixteen humanoid robots danced at the gala.");
            List<Passage> passages = new Chunker(60, 20).chunk(article);
            index.putArticle(new IndexedArticle("gala", "gala", article.scope(), "Gala", "f", passages.size()),
                    passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
            index.commit();
            HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                    new HybridRetriever.Settings(10, 0.5, 5));
            ChatService chat = new ChatService(Fixtures.followUps(
                    new Answerer(retriever, analysis, Fixtures.lexicon(), embedder, new EvidencePolicy(0.5, 0.1, 0.5, 0.1), 3, 400),
                    analysis), Fixtures.conversations(),
                    scopes -> List.of(), new RefusingSourceAdmin(), new QuestionCheck(100), new MemorySettingsStore(),
                    summarizer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    super.write(b, off, len);
                    if (toString(StandardCharsets.UTF_8).contains("[1] Gala\n")) {
                        quotesShown.countDown();
                    }
                }
            };
            new ConsoleChat(chat, java.util.Optional.empty()).run(new BufferedReader(new StringReader(input)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void answers_each_line_until_quit() throws IOException {
        String out = chat("How many robots danced at the gala?\nquit\nWhich robots danced?\n");

        assertThat(out).startsWith("> [1] \"Sixteen humanoid **robots danced** at the **gala**.\"\n\n[1] Gala\n");
        assertThat(out.split("\\[1] \"", -1)).as("one question answered, then quit").hasSize(2);
    }

    @Test
    void the_extractive_summary_adds_nothing_when_the_answer_is_not_marked_so_the_quotes_come_alone()
            throws IOException {
        // The answerer marks no answer span yet; quoting a whole sentence again above its quote was what it did.
        String out = chat("How many robots danced at the gala?\n", Summarizer.extractive());

        assertThat(out).startsWith("> [1] \"Sixteen").doesNotContain("In short");
    }

    @Test
    void a_models_summary_comes_after_the_quotes_which_never_wait_for_it() throws IOException {
        ExecutorService calls = Executors.newSingleThreadExecutor();
        CountDownLatch quotesShown = new CountDownLatch(1);
        SummaryModel model = prompt -> {
            try {
                // The model answers only once the quotes are out: were they waiting for it, this would time out.
                quotesShown.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "Sixteen robots danced [1].";
        };
        Summarizer summarizer = new Summarizer(Summarizer.Mode.MODEL, Optional.of(model), 3, Duration.ofSeconds(5),
                calls);
        try {
            String out = chatWatching("How many robots danced at the gala?\n", summarizer, quotesShown);

            assertThat(out).startsWith("> [1] \"Sixteen humanoid").contains("[1] Gala\n\nIn short (written by a"
                    + " language model from the excerpts): Sixteen robots danced. [1]\n");
            assertThat(out).doesNotContain("No language model summary");
        } finally {
            calls.shutdownNow();
        }
    }

    @Test
    void offers_help_and_the_source_list_and_a_hint_for_an_empty_line() throws IOException {
        String out = chat("help\nsources\n\n");

        assertThat(out).contains("sources [page]        list the sources", "quit                  leave", "There are no sources yet.",
                "Ask me a question about the sources");
    }
}
