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
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {

    private static String chat(String input) throws IOException {
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
            ChatService chat = new ChatService(
                    new Answerer(retriever, analysis, new EvidencePolicy(0.5, 0.1, 0.5, 0.1), 3, 400),
                    scopes -> List.of(), new RefusingSourceAdmin(), new QuestionCheck(100), new MemorySettingsStore());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ConsoleChat(chat, java.util.Optional.empty()).run(new BufferedReader(new StringReader(input)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void answers_each_line_until_quit() throws IOException {
        String out = chat("How many robots danced at the gala?\nquit\nWhich robots danced?\n");

        assertThat(out).startsWith("> [1] \"Sixteen humanoid **robots danced** at the **gala**.\"\n    Gala\n");
        assertThat(out.split("\\[1]", -1)).hasSize(2);
    }

    @Test
    void offers_help_and_the_source_list_and_a_hint_for_an_empty_line() throws IOException {
        String out = chat("help\nsources\n\n");

        assertThat(out).contains("sources [page]        list the sources", "quit                  leave", "There are no sources yet.",
                "Ask me a question about the sources");
    }
}
