package footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.conversation.ConversationKey;
import footnote.corpus.Scope;
import footnote.insights.Cited;
import footnote.insights.InsightRecord;
import footnote.insights.Insights;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import footnote.testing.ChatIndex;
import footnote.testing.Fixtures;
import footnote.testing.InsightFixtures;
import footnote.testing.ManualClock;
import footnote.testing.MemoryInsightStore;
import footnote.testing.MemorySettingsStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat records what members ask for their moderators, takes votes on answers, and shows and forgets it. */
class ChatInsightsTest {

    private static ChatIndex index;

    private final MemoryInsightStore store = new MemoryInsightStore();
    private final ManualClock clock = new ManualClock(InsightFixtures.NOW);
    private final Insights insights = InsightFixtures.insights(store, clock);
    private final ChatService chat = index.chat(new MemorySettingsStore(), Fixtures.conversations(), insights);

    @BeforeAll
    static void build() throws Exception {
        index = ChatIndex.of("chat-insights", Scope.GLOBAL, List.of("discord/conversations/tidewater.md"));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @AfterEach
    void stop() {
        insights.close();
    }

    private static Context member(String server) {
        return Context.server(ServerSettings.empty(server), false);
    }

    private static Context moderator(String server) {
        return Context.server(ServerSettings.empty(server), true);
    }

    private Reply.Answered ask(String question, Context context) {
        return chat.handle(new Command.Ask(question), context).answered().orElseThrow();
    }

    /** Closing lets the writer finish what was queued: then the store holds every record. */
    private List<InsightRecord> stored() {
        insights.close();
        return store.all();
    }

    @Test
    void records_an_answer_and_a_decline_in_the_askers_server_but_not_small_talk() {
        Reply.Answered found = ask("who started tidewater robotics?", member("7"));
        Reply.Answered declined = ask("when did the zorblax quintet tour uruguay?", member("7"));
        Reply.Answered hello = ask("hello", member("7"));

        List<InsightRecord> records = stored();
        assertThat(records).extracting(InsightRecord::server).containsOnly("7");
        assertThat(records).extracting(InsightRecord::question)
                .containsExactly("who started tidewater robotics?", "when did the zorblax quintet tour uruguay?");
        assertThat(records).extracting(InsightRecord::outcome)
                .containsExactly(InsightRecord.Outcome.ANSWERED, InsightRecord.Outcome.DECLINED);
        assertThat(records.get(0).cited()).extracting(Cited::sourceId).contains("tidewater");
        assertThat(records.get(1).cited()).isEmpty();
        assertThat(found.recordId()).contains(records.get(0).id());
        assertThat(declined.recordId()).contains(records.get(1).id());
        assertThat(hello.recordId()).isEmpty();
    }

    @Test
    void a_follow_up_is_recorded_as_asked_and_as_read_in_its_conversation() {
        Context thread = member("7").in(ConversationKey.thread("7", "900"));
        ask("what is tidewater robotics?", thread);
        Reply.Answered followUp = ask("where is it based?", thread);

        InsightRecord record = stored().get(1);
        assertThat(record.question()).isEqualTo("where is it based?");
        assertThat(record.readAs()).isEqualTo(followUp.inContext()).contains("where is tidewater robotics based?");
    }

    @Test
    void questions_in_the_terminal_are_the_terminals_own() {
        ask("who started tidewater robotics?", Context.terminal());

        assertThat(stored()).extracting(InsightRecord::server).containsExactly(InsightRecord.TERMINAL);
    }

    @Test
    void a_members_vote_and_comment_land_on_the_answers_record_without_their_id() {
        String id = ask("who started tidewater robotics?", member("7")).recordId().orElseThrow();

        VoteResult first = chat.vote(member("7"), "member-1234", id, Vote.NOT_HELPFUL);
        VoteResult comment = chat.comment(member("7"), "member-1234", id, "it was two motors, not one");
        VoteResult changed = chat.vote(member("7"), "member-1234", id, Vote.HELPFUL);
        VoteResult elsewhere = chat.vote(member("8"), "member-1234", id, Vote.HELPFUL);

        InsightRecord record = stored().get(0);
        assertThat(List.of(first, comment, changed, elsewhere)).containsExactly(VoteResult.RECORDED,
                VoteResult.RECORDED, VoteResult.CHANGED, VoteResult.EXPIRED);
        assertThat(record.votes().values()).containsExactly(Vote.HELPFUL);
        assertThat(record.comments().values()).containsExactly("it was two motors, not one");
        assertThat(record.toString()).doesNotContain("1234");
    }

    @Test
    void with_insights_off_nothing_is_recorded_and_the_report_says_they_are_off() {
        Insights off = InsightFixtures.off(store, clock);
        ChatService chat = index.chat(new MemorySettingsStore(), Fixtures.conversations(), off);

        Reply.Answered answered = chat.handle(new Command.Ask("who started tidewater robotics?"), member("7"))
                .answered().orElseThrow();
        Reply report = chat.handle(new Command.Insights(7), moderator("7"));
        off.close();

        assertThat(answered.recordId()).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(report).isEqualTo(new Reply.InsightsOff());
        assertThat(chat.vote(member("7"), "member-1", "any", Vote.HELPFUL)).isEqualTo(VoteResult.OFF);
        assertThat(chat.recordsInsights()).isFalse();
    }

    @Test
    void only_moderators_see_or_forget_insights_and_only_for_seven_thirty_or_ninety_days() {
        Reply seen = chat.handle(new Command.Insights(7), member("7"));
        Reply forgot = chat.handle(new Command.ForgetInsights(), member("7"));
        Reply fortnight = chat.handle(new Command.Insights(14), moderator("7"));

        assertThat(seen).isEqualTo(new Reply.Refusal(ChatService.MODERATORS_ONLY));
        assertThat(forgot).isEqualTo(new Reply.Refusal(ChatService.MODERATORS_ONLY));
        assertThat(fortnight).isInstanceOfSatisfying(Reply.Refusal.class,
                r -> assertThat(r.message()).contains("7, 30 or 90 days", "14"));
    }

    @Test
    void forget_deletes_this_servers_records_and_no_other_servers() {
        ask("who started tidewater robotics?", member("7"));
        ask("when did the zorblax quintet tour uruguay?", member("7"));
        ask("who started tidewater robotics?", member("8"));

        Reply forgot = chat.handle(new Command.ForgetInsights(), moderator("7"));

        assertThat(forgot).isEqualTo(new Reply.InsightsForgotten(2));
        assertThat(stored()).extracting(InsightRecord::server).containsExactly("8");
    }

    @Test
    void a_moderators_report_covers_their_servers_records_and_its_never_cited_sources() {
        InsightFixtures.records().forEach(store::put);

        Reply reply = chat.handle(new Command.Insights(7), moderator(InsightFixtures.SERVER));

        assertThat(reply).isInstanceOfSatisfying(Reply.Insights.class, r -> {
            assertThat(r.report().server()).isEqualTo(InsightFixtures.SERVER);
            assertThat(r.report().asked()).isEqualTo(5);
            assertThat(r.report().unanswered().get(0).question()).isEqualTo(InsightFixtures.SYMPOSIUM);
            assertThat(r.report().unanswered().get(0).count()).isEqualTo(3);
            assertThat(r.report().neverCited()).extracting(s -> s.sourceId()).contains("tidewater")
                    .doesNotContain(InsightFixtures.SOURCE_ID);
        });
    }
}
