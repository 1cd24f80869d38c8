package footnote.console;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.chat.ChatService;
import footnote.insights.InsightRecord;
import footnote.insights.Insights;
import footnote.insights.Vote;
import footnote.summary.Summarizer;
import footnote.summary.SummaryModel;
import footnote.testing.InsightFixtures;
import footnote.testing.MemoryInsightStore;
import footnote.testing.TinyChat;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
        try (TinyChat tiny = new TinyChat()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    super.write(b, off, len);
                    if (toString(StandardCharsets.UTF_8).contains("[1] Gala\n")) {
                        quotesShown.countDown();
                    }
                }
            };
            run(tiny.chat(summarizer), input, bytes, true);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void run(ChatService chat, String input, ByteArrayOutputStream bytes, boolean prompt)
            throws IOException {
        new ConsoleChat(chat, Optional.empty()).run(new BufferedReader(new StringReader(input)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), prompt);
    }

    /** The chat's output with insights recorded in {@code store}; the records are all written when it returns. */
    private static String recording(String input, MemoryInsightStore store) throws IOException {
        try (TinyChat tiny = new TinyChat();
                Insights insights = InsightFixtures.insights(store, Clock.systemUTC())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            run(tiny.chat(insights), input, bytes, false);
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

    @Test
    void plus_and_minus_vote_on_the_last_answer_even_after_small_talk_and_minus_may_carry_a_comment() throws IOException {
        MemoryInsightStore store = new MemoryInsightStore();

        String out = recording("How many robots danced at the gala?\n+\nthanks!\n- it was seventeen\n", store);

        assertThat(out).contains("Thanks: noted as helpful.\n",
                "Thanks: your vote is now not helpful, with your comment.\n");
        InsightRecord record = store.all().get(0);
        assertThat(record.votes().values()).containsExactly(Vote.NOT_HELPFUL);
        assertThat(record.comments().values()).containsExactly("it was seventeen");
    }

    @Test
    void a_vote_before_any_answer_says_there_is_nothing_to_vote_on() throws IOException {
        MemoryInsightStore store = new MemoryInsightStore();

        String out = recording("-\nhello\n+\n", store);

        assertThat(out).startsWith("There is no answer to vote on yet");
        assertThat(out.split("There is no answer to vote on yet", -1)).as("small talk is no answer").hasSize(3);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void help_names_the_votes_and_insights() throws IOException {
        assertThat(chat("help\n")).contains("  +  ", "  - [what was wrong]", "insights [7|30|90]",
                "insights forget");
    }
}
