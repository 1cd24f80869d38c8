package footnote.discord;

import footnote.chat.ChatService;
import footnote.chat.Context;
import footnote.insights.Vote;
import footnote.insights.VoteResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.server.Server;
import org.javacord.api.event.interaction.ButtonClickEvent;
import org.javacord.api.event.interaction.ModalSubmitEvent;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' feedback on answers: a press of {@link VoteButtons} votes, and "not helpful" then asks what was wrong
 * or missing in a modal, whose text is kept with the vote. Every acknowledgement goes to the presser alone
 * (ephemeral). The server is always the one the press came from, never anything the button names, so a press can
 * only ever reach that server's records.
 *
 * <p>A vote waits for the insights store (at most two seconds), so it never runs on Javacord's event threads nor
 * behind questions on the answering pool: votes have a small pool of their own. "Helpful" is acknowledged at once
 * (deferred, ephemeral) and worded when the vote is in. "Not helpful" must answer with the modal itself, which
 * cannot be deferred: the vote is taken first, inside Discord's three seconds, so that a press on an answer whose
 * record has expired says so instead of asking for a comment nobody will keep.
 */
final class Feedback implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);
    /** Presses waiting beyond this are answered "try again": a store this far behind is as good as down. */
    private static final int QUEUE = 200;

    private final ChatService chat;
    private final Answering answering;
    private final DiscordRenderer renderer;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread thread = new Thread(r, "footnote-feedback");
                thread.setDaemon(true);
                return thread;
            });

    Feedback(ChatService chat, Answering answering, DiscordRenderer renderer) {
        this.chat = chat;
        this.answering = answering;
        this.renderer = renderer;
    }

    /** Who pressed, in which server: empty outside a server, where no answer carries buttons. */
    private record Voter(Context context, String memberId) {}

    void onButton(ButtonClickEvent event) {
        ButtonInteraction interaction = event.getButtonInteraction();
        Optional<VoteButtons.Press> press = VoteButtons.press(interaction.getCustomId());
        if (press.isEmpty()) {
            return; // some other component: not feedback
        }
        Optional<Voter> voter = voter(interaction);
        if (voter.isEmpty()) {
            tell(interaction, renderer.vote(VoteResult.EXPIRED, press.get().vote()));
            return;
        }
        if (press.get().vote() == Vote.HELPFUL) {
            deferred(interaction, () -> renderer.vote(chat.vote(voter.get().context(), voter.get().memberId(),
                    press.get().recordId(), Vote.HELPFUL), Vote.HELPFUL));
        } else {
            run(interaction, () -> notHelpful(interaction, voter.get(), press.get().recordId()));
        }
    }

    /** Votes, then asks for a comment, unless the vote went nowhere: that is said instead. */
    private void notHelpful(ButtonInteraction interaction, Voter voter, String recordId) {
        VoteResult result = chat.vote(voter.context(), voter.memberId(), recordId, Vote.NOT_HELPFUL);
        if (result == VoteResult.RECORDED || result == VoteResult.CHANGED || result == VoteResult.UNCHANGED) {
            interaction.respondWithModal(VoteButtons.modalId(recordId), VoteButtons.MODAL_TITLE,
                    List.of(VoteButtons.commentField())).exceptionally(e -> failed(interaction, e));
        } else {
            tell(interaction, renderer.vote(result, Vote.NOT_HELPFUL));
        }
    }

    void onModal(ModalSubmitEvent event) {
        ModalInteraction interaction = event.getModalInteraction();
        Optional<String> recordId = VoteButtons.commentedRecord(interaction.getCustomId());
        if (recordId.isEmpty()) {
            return;
        }
        String text = interaction.getTextInputValueByCustomId(VoteButtons.COMMENT_FIELD).orElse("").strip();
        Optional<Voter> voter = voter(interaction);
        if (voter.isEmpty()) {
            tell(interaction, renderer.comment(VoteResult.EXPIRED, false));
            return;
        }
        if (text.isEmpty()) {
            // Nothing to keep: the vote was taken when the button was pressed.
            tell(interaction, renderer.comment(VoteResult.RECORDED, false));
            return;
        }
        deferred(interaction, () -> renderer.comment(chat.comment(voter.get().context(), voter.get().memberId(),
                recordId.get(), text), true));
    }

    private Optional<Voter> voter(InteractionBase interaction) {
        Optional<Server> server = interaction.getServer();
        return server.map(s -> new Voter(answering.context(s, interaction.getUser()),
                interaction.getUser().getIdAsString()));
    }

    /** Acknowledges now, privately; the words follow when {@code words} has them (it may wait on the store). */
    private void deferred(InteractionBase interaction, Supplier<OutgoingMessage> words) {
        interaction.respondLater(true).thenAccept(updater -> {
            Runnable edit = () -> edit(interaction, updater, words.get());
            try {
                pool.execute(edit);
            } catch (RejectedExecutionException e) {
                edit(interaction, updater, renderer.vote(VoteResult.UNAVAILABLE, Vote.HELPFUL));
            }
        }).exceptionally(e -> failed(interaction, e));
    }

    private void edit(InteractionBase interaction, InteractionOriginalResponseUpdater updater,
            OutgoingMessage message) {
        updater.setContent(message.content()).setAllowedMentions(Outgoing.NO_PINGS).update()
                .exceptionally(e -> failed(interaction, e));
    }

    /** Answers now, to the presser alone. */
    private void tell(InteractionBase interaction, OutgoingMessage message) {
        interaction.createImmediateResponder().setContent(message.content()).setAllowedMentions(Outgoing.NO_PINGS)
                .setFlags(MessageFlag.EPHEMERAL).respond().exceptionally(e -> failed(interaction, e));
    }

    private void run(InteractionBase interaction, Runnable work) {
        try {
            pool.execute(work);
        } catch (RejectedExecutionException e) {
            tell(interaction, renderer.vote(VoteResult.UNAVAILABLE, Vote.HELPFUL));
        }
    }

    private static <T> T failed(InteractionBase interaction, Throwable e) {
        log.warn("Could not acknowledge feedback (interaction {}): {}", interaction.getId(), e.toString());
        return null;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
