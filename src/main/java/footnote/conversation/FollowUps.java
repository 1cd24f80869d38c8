package footnote.conversation;

import footnote.answer.Answer;
import footnote.answer.Answerer;
import footnote.corpus.Scope;
import footnote.search.TextAnalysis;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question within its conversation. The question is first answered as it stands; when it reads as a
 * follow-up (a model's rewrite that keeps to the conversation's words, else {@link FollowUpReader}'s reading), it
 * is answered as read too, and that answer is taken unless the sources answer the question as it stands and not as
 * read: context never talks the bot out of an answer it had. Greetings and thanks are never read in context.
 * Thread-safe.
 */
public final class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    /**
     * A question answered within its conversation.
     *
     * @param answer    the answer; its question is what was searched
     * @param inContext how the question was read in context, as a member should see it; empty when it was
     *                  answered as it stands
     */
    public record Answered(Answer answer, Optional<String> inContext) {

        /** What the next follow-up is read against. */
        public Turn turn() {
            return Turn.of(answer.question(), answer);
        }
    }

    private final Answerer answerer;
    private final FollowUpReader reader;
    private final RewriteCheck check;
    private final Optional<QuestionRewriter> rewriter;

    /** @param rewriter a language model's rewrite, tried before the model-free reading; empty without a model */
    public FollowUps(Answerer answerer, TextAnalysis analysis, Optional<QuestionRewriter> rewriter) {
        this.answerer = answerer;
        this.reader = new FollowUpReader(analysis);
        this.check = new RewriteCheck(analysis);
        this.rewriter = rewriter;
    }

    /** @param recent the conversation's turns, oldest first; none for a first question */
    public Answered answer(String question, List<Turn> recent, Set<Scope> scopes) {
        Answer alone = answerer.answer(question, scopes);
        if (recent.isEmpty() || (isTalk(alone) && !aboutBot(alone))) {
            return new Answered(alone, Optional.empty());
        }
        Optional<String> rewrite = rewritten(question, recent);
        Optional<FollowUpReader.Reading> reading = rewrite.isPresent()
                ? rewrite.filter(r -> !same(r, question))
                        .map(r -> new FollowUpReader.Reading(r, r, FollowUpReader.How.REFERS))
                : reader.read(alone.readAs().orElse(question), alone.names(), recent);
        boolean weak = reading.isPresent() && reading.get().how() == FollowUpReader.How.LEANS;
        if (reading.isEmpty() || (weak && (alone.found() || isTalk(alone)))) {
            return new Answered(alone, Optional.empty());
        }
        Answer read = answerer.answer(reading.get().question(), scopes);
        if (!read.found() && (alone.found() || isTalk(alone))) {
            return new Answered(alone, Optional.empty());
        }
        return new Answered(read, Optional.of(reading.get().shown()));
    }

    /** The model's rewrite when it keeps to the conversation's words; the same question back means it stands alone. */
    private Optional<String> rewritten(String question, List<Turn> recent) {
        Optional<String> rewrite = rewriter.flatMap(r -> r.rewrite(recent, question)).map(String::strip);
        if (rewrite.isPresent() && !check.keepsTo(rewrite.get(), recent, question)) {
            // How often a model strays is what an operator weighs a model by; the member's words stay out of the log.
            log.info("Refused a model's rewrite of a follow-up that went beyond the conversation's words");
            return Optional.empty();
        }
        return rewrite;
    }

    private static boolean isTalk(Answer answer) {
        return answer.outcome() instanceof Answer.SmallTalk;
    }

    /**
     * "who made it?" sounds like a question about the bot, but in a conversation its "it" points back: such a
     * question is read in context and stays small talk only when the reading finds nothing. Greetings and thanks
     * ("thanks, that helped") never are.
     */
    private static boolean aboutBot(Answer answer) {
        return answer.outcome() instanceof Answer.SmallTalk talk && talk.kind() == Answer.SmallTalk.Kind.ABOUT_BOT;
    }

    private static boolean same(String rewrite, String question) {
        return plain(rewrite).equals(plain(question));
    }

    private static String plain(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
