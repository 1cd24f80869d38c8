package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.corpus.Scope;
import footnote.corpus.SourceCatalog;
import footnote.search.HybridRetriever;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.testing.HashingEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

    private static ChatService service(LuceneIndex index, SourceCatalog catalog) {
        TextAnalysis analysis = new TextAnalysis();
        HybridRetriever retriever = new HybridRetriever(index, new HashingEmbedder(), analysis,
                new HybridRetriever.Settings(10, 0.5, 5));
        return new ChatService(new Answerer(retriever, analysis, new EvidencePolicy(0.5, 0.1, 0.5, 0.1), 3, 400),
                catalog, new QuestionCheck(100));
    }

    @Test
    void refuses_a_bad_question_without_searching() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            Reply reply = service(index, scopes -> List.of()).handle(new Command.Ask("  "), Set.of(Scope.GLOBAL));

            assertThat(reply).isInstanceOf(Reply.Refusal.class);
        }
    }

    @Test
    void a_failure_inside_becomes_a_brief_reply_not_an_exception() throws IOException {
        LuceneIndex index = LuceneIndex.inMemory("t");
        index.close(); // searching a closed index throws

        Reply reply = service(index, scopes -> List.of()).handle(new Command.Ask("Who founded Huawei?"), Set.of(Scope.GLOBAL));

        assertThat(reply).isInstanceOf(Reply.Failure.class);
        assertThat(((Reply.Failure) reply).message()).contains("something went wrong").doesNotContain("Exception");
    }

    @Test
    void lists_the_sources_of_the_askers_scopes_and_answers_help() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            ChatService chat = service(index, scopes -> {
                assertThat(scopes).containsExactly(Scope.GLOBAL);
                return List.of();
            });

            assertThat(chat.handle(new Command.ListSources(), Set.of(Scope.GLOBAL))).isEqualTo(new Reply.Sources(List.of()));
            assertThat(chat.handle(new Command.Help(), Set.of(Scope.GLOBAL))).isInstanceOf(Reply.Help.class);
        }
    }
}
