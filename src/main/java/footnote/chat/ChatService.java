package footnote.chat;

import footnote.answer.Answerer;
import footnote.corpus.Scope;
import footnote.corpus.SourceCatalog;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out commands for any adapter. This is the chat boundary: an unexpected failure is logged with its
 * context and becomes a brief {@link Reply.Failure}, never an exception in the adapter's face. Thread-safe.
 */
public final class ChatService {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    static final String FAILURE = "Sorry, something went wrong on my side; the details are in the bot's log.";

    private final Answerer answerer;
    private final SourceCatalog sources;
    private final QuestionCheck check;

    public ChatService(Answerer answerer, SourceCatalog sources, QuestionCheck check) {
        this.answerer = answerer;
        this.sources = sources;
        this.check = check;
    }

    /** @param scopes the scopes whose sources may answer: every server's, plus the asker's own server's */
    public Reply handle(Command command, Set<Scope> scopes) {
        try {
            if (command instanceof Command.Ask ask) {
                String question = check.clean(ask.question());
                Optional<String> problem = check.problem(question);
                if (problem.isPresent()) {
                    return new Reply.Refusal(problem.get());
                }
                return new Reply.Answered(answerer.answer(question, scopes));
            }
            if (command instanceof Command.ListSources) {
                return new Reply.Sources(sources.list(scopes));
            }
            return new Reply.Help();
        } catch (RuntimeException e) {
            log.error("Failed to carry out {} for scopes {}", command, scopes, e);
            return new Reply.Failure(FAILURE);
        }
    }
}
