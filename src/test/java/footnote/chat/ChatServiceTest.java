package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.answer.Answerer;
import footnote.answer.EvidencePolicy;
import footnote.corpus.Article;
import footnote.corpus.Chunker;
import footnote.corpus.Passage;
import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.SourceCatalog;
import footnote.search.HybridRetriever;
import footnote.search.IndexedArticle;
import footnote.search.LuceneIndex;
import footnote.search.TextAnalysis;
import footnote.summary.Summarizer;
import footnote.testing.Fixtures;
import footnote.testing.HashingEmbedder;
import footnote.testing.MemorySettingsStore;
import footnote.testing.RefusingSourceAdmin;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

    private final MemorySettingsStore settings = new MemorySettingsStore();

    private ChatService service(LuceneIndex index, SourceCatalog catalog) {
        return service(index, catalog, Summarizer.none());
    }

    private ChatService service(LuceneIndex index, SourceCatalog catalog, Summarizer summarizer) {
        TextAnalysis analysis = new TextAnalysis();
        HashingEmbedder embedder = new HashingEmbedder();
        HybridRetriever retriever = new HybridRetriever(index, embedder, analysis,
                new HybridRetriever.Settings(10, 0.5, 5));
        return new ChatService(Fixtures.followUps(new Answerer(retriever, analysis, Fixtures.lexicon(), embedder,
                new EvidencePolicy(0.5, 0.1, 0.5, 0.1), 3, 400), analysis), Fixtures.conversations(),
                catalog, new RefusingSourceAdmin(), new QuestionCheck(100), settings,
                summarizer);
    }

    @Test
    void refuses_a_bad_question_without_searching() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            Reply reply = service(index, scopes -> List.of()).handle(new Command.Ask("  "), Context.terminal());

            assertThat(reply).isInstanceOf(Reply.Refusal.class);
        }
    }

    @Test
    void a_failure_inside_becomes_a_brief_reply_not_an_exception() throws IOException {
        LuceneIndex index = LuceneIndex.inMemory("t");
        index.close(); // searching a closed index throws

        Reply reply = service(index, scopes -> List.of()).handle(new Command.Ask("Who founded Huawei?"), Context.terminal());

        assertThat(reply).isInstanceOf(Reply.Failure.class);
        assertThat(((Reply.Failure) reply).message()).contains("something went wrong").doesNotContain("Exception");
    }

    @Test
    void lists_the_sources_of_the_askers_scopes_and_answers_help() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            ChatService chat = service(index, scopes -> {
                assertThat(scopes).containsExactlyInAnyOrder(Scope.GLOBAL, Scope.server("7"));
                return List.of();
            });

            assertThat(chat.handle(new Command.ListSources(), Context.server(ServerSettings.empty("7"), false)))
                    .isEqualTo(new Reply.Sources(List.of()));
            assertThat(chat.handle(new Command.Help(), Context.server(ServerSettings.empty("7"), false))).isInstanceOf(Reply.Help.class);
        }
    }

    @Test
    void an_answer_comes_with_its_summary_when_handled_and_without_when_performed_for_an_adapter() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            HashingEmbedder embedder = new HashingEmbedder();
            Article article = Fixtures.article("gala", "Gala", "Sixteen humanoid robots danced at the gala.");
            List<Passage> passages = new Chunker(60, 20).chunk(article);
            index.putArticle(new IndexedArticle("gala", "gala", article.scope(), "Gala", "f", passages.size()),
                    passages, embedder.embedPassages(passages.stream().map(Passage::text).toList()));
            index.commit();
            // A model's summary: the extractive one quotes an answer span, which this answerer does not mark.
            ChatService chat = service(index, scopes -> List.of(), new Summarizer(Summarizer.Mode.MODEL,
                    Optional.of(prompt -> "Sixteen robots danced [1]."), 3, Duration.ofSeconds(5), Runnable::run));
            Command ask = new Command.Ask("How many robots danced at the gala?");

            Reply handled = chat.handle(ask, Context.terminal());
            Reply performed = chat.perform(ask, Context.terminal(), Progress.NONE).join();

            assertThat(handled).isInstanceOfSatisfying(Reply.Answered.class, a -> assertThat(a.summary())
                    .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo(
                            "Sixteen robots danced. [1]")));
            assertThat(performed).isInstanceOfSatisfying(Reply.Answered.class, a -> assertThat(a.summary()).isEmpty());
            assertThat(chat.summarize(performed).join()).isInstanceOfSatisfying(Reply.Answered.class,
                    a -> assertThat(a.summary()).isEqualTo(((Reply.Answered) handled).summary()));
            assertThat(chat.summarize(new Reply.Help()).join()).isEqualTo(new Reply.Help());
        }
    }

    @Test
    void only_moderators_change_a_servers_settings() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            ChatService chat = service(index, scopes -> List.of());

            Reply refused = chat.handle(new Command.AskChannel("55", true), Context.server(ServerSettings.empty("7"), false));
            Reply done = chat.handle(new Command.AskChannel("55", true), Context.server(ServerSettings.empty("7"), true));

            assertThat(refused).isEqualTo(new Reply.Refusal(ChatService.MODERATORS_ONLY));
            assertThat(done).isInstanceOfSatisfying(Reply.Settings.class,
                    s -> assertThat(s.change()).contains(new Command.AskChannel("55", true)));
            assertThat(settings.get("7").askChannels()).containsExactly("55");
        }
    }

    @Test
    void a_moderator_chooses_replies_over_threads_and_a_member_may_not() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            ChatService chat = service(index, scopes -> List.of());
            Command.Answers replies = new Command.Answers(ServerSettings.AnswersIn.REPLY);

            Reply refused = chat.handle(replies, Context.server(ServerSettings.empty("7"), false));
            Reply done = chat.handle(replies, Context.server(ServerSettings.empty("7"), true));

            assertThat(refused).isEqualTo(new Reply.Refusal(ChatService.MODERATORS_ONLY));
            assertThat(done).isInstanceOfSatisfying(Reply.Settings.class, s -> assertThat(s.change()).contains(replies));
            assertThat(settings.get("7").answersIn()).isEqualTo(ServerSettings.AnswersIn.REPLY);
            assertThat(settings.get("8").answersIn()).isEqualTo(ServerSettings.AnswersIn.THREAD);
            assertThat(chat.refusal(replies, Context.terminal())).isPresent();
        }
    }

    @Test
    void a_servers_settings_change_touches_no_other_server() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            ChatService chat = service(index, scopes -> List.of());

            chat.handle(new Command.ModeratorRole("900", true), Context.server(ServerSettings.empty("7"), true));

            assertThat(settings.get("7").moderatorRoles()).containsExactly("900");
            assertThat(settings.get("8").moderatorRoles()).isEmpty();
            assertThat(chat.handle(new Command.ShowSettings(), Context.server(ServerSettings.empty("8"), true)))
                    .isEqualTo(new Reply.Settings(ServerSettings.empty("8"), java.util.Optional.empty()));
        }
    }

    @Test
    void settings_need_a_server() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            assertThat(service(index, scopes -> List.of()).handle(new Command.ShowSettings(), Context.terminal()))
                    .isInstanceOf(Reply.Refusal.class);
        }
    }

    @Test
    void the_scopes_of_a_server_are_the_shared_sources_and_its_own() {
        assertThat(Context.server(ServerSettings.empty("7"), false).scopes()).containsExactlyInAnyOrder(Scope.GLOBAL, Scope.server("7"));
        assertThat(Context.terminal().scopes()).containsExactly(Scope.GLOBAL);
        assertThat(Set.copyOf(Context.server(ServerSettings.empty("7"), false).scopes())).doesNotContain(Scope.server("8"));
    }

    @Test
    void a_server_moderator_cannot_upload_a_file_from_the_bots_own_disk() throws IOException {
        try (LuceneIndex index = LuceneIndex.inMemory("t")) {
            Reply reply = service(index, scopes -> List.of()).handle(
                    new Command.UploadSource("passwd", "/etc/passwd"), Context.server(ServerSettings.empty("7"), true));

            assertThat(reply).isInstanceOf(Reply.Refusal.class);
            assertThat(((Reply.Refusal) reply).message()).contains("attachment");
        }
    }
}
