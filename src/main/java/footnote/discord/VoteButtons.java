package footnote.discord;

import footnote.chat.Reply;
import footnote.insights.Insights;
import footnote.insights.Vote;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.Button;
import org.javacord.api.entity.message.component.HighLevelComponent;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputBuilder;
import org.javacord.api.entity.message.component.TextInputStyle;

/**
 * The feedback buttons under an answer and the modal a "not helpful" press opens. A button's {@code custom_id}
 * names only the answer's insight record and the vote ({@code vote:<record>:helpful}), never a member or a
 * server: Discord hands it back on every press, and the server is taken from the press itself, so a custom id
 * copied elsewhere can only ever reach that server's records.
 */
final class VoteButtons {

    /** Discord's limit on a custom id. */
    static final int MAX_CUSTOM_ID = 100;
    /** What the modal asks; a modal title holds at most 45 characters. */
    static final String MODAL_TITLE = "What was wrong or missing?";
    /** The modal's one text field. */
    static final String COMMENT_FIELD = "comment";

    private static final String VOTE = "vote:";
    private static final String COMMENT = "comment:";
    private static final String HELPFUL = "helpful";
    private static final String NOT_HELPFUL = "not-helpful";
    private static final Pattern VOTE_ID = Pattern.compile("vote:([^:]+):(helpful|not-helpful)");
    private static final Pattern COMMENT_ID = Pattern.compile("comment:([^:]+)");

    /** A press of one of the buttons: which record, which vote. */
    record Press(String recordId, Vote vote) {}

    private VoteButtons() {}

    /**
     * The row of buttons under a reply: for an answer with an insight record, helpful and not helpful; nothing for
     * any other reply, or a record whose id would not fit a custom id.
     */
    static HighLevelComponent[] under(Reply reply) {
        Optional<String> recordId = reply instanceof Reply.Answered answered ? answered.recordId() : Optional.empty();
        return recordId.filter(VoteButtons::fits)
                .map(id -> new HighLevelComponent[] {ActionRow.of(
                        Button.secondary(customId(id, Vote.HELPFUL), "Helpful", "👍"),
                        Button.secondary(customId(id, Vote.NOT_HELPFUL), "Not helpful", "👎"))})
                .orElse(new HighLevelComponent[0]);
    }

    static String customId(String recordId, Vote vote) {
        return VOTE + recordId + ":" + (vote == Vote.HELPFUL ? HELPFUL : NOT_HELPFUL);
    }

    /** The press a button's custom id stands for; empty for any other component's. */
    static Optional<Press> press(String customId) {
        Matcher m = VOTE_ID.matcher(customId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Press(m.group(1), m.group(2).equals(HELPFUL) ? Vote.HELPFUL : Vote.NOT_HELPFUL));
    }

    /** The modal's custom id, naming the record its comment is about. */
    static String modalId(String recordId) {
        return COMMENT + recordId;
    }

    /** The record a submitted modal's custom id names; empty for any other modal. */
    static Optional<String> commentedRecord(String modalId) {
        Matcher m = COMMENT_ID.matcher(modalId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One optional paragraph, as long as a comment may be. */
    static ActionRow commentField() {
        TextInput field = new TextInputBuilder(TextInputStyle.PARAGRAPH, COMMENT_FIELD, MODAL_TITLE)
                .setRequired(false)
                .setMaximumLength(Insights.MAX_COMMENT)
                .setPlaceholder("Optional: what you looked for, or what the answer got wrong")
                .build();
        return ActionRow.of(field);
    }

    private static boolean fits(String recordId) {
        return !recordId.contains(":") && customId(recordId, Vote.NOT_HELPFUL).length() <= MAX_CUSTOM_ID;
    }
}
