package footnote.discord.emulator;

import static footnote.discord.emulator.DiscordEmulator.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footnote.discord.emulator.DiscordEmulator.InteractionState;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Members using the bot's message components and modals, as Discord's client lets them: pressing a button on a
 * message ({@code INTERACTION_CREATE} type 3, MESSAGE_COMPONENT) and submitting a modal the bot opened (type 5,
 * MODAL_SUBMIT); and which callbacks Discord accepts for each kind of interaction. What the client would not let a
 * member do (press a link or disabled button, a button on someone else's ephemeral message, leave a required
 * field empty, type past max_length) throws {@link IllegalArgumentException}: that is a broken test, not a bot's
 * mistake. Call under the emulator's lock.
 */
final class ComponentInteractions {

    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int MODAL_SUBMIT = 5;
    private static final int FLAG_EPHEMERAL = 64;

    private final DiscordEmulator emulator;

    ComponentInteractions(DiscordEmulator emulator) {
        this.emulator = emulator;
    }

    /** A member presses the button with this custom_id on a message; the interaction goes to the guild's shard. */
    Interaction press(long guildId, long messageId, long userId, String customId) {
        GuildSpec guild = emulator.guild(guildId);
        ObjectNode message = emulator.messages.get(messageId);
        long channelId = message == null ? -1 : message.path("channel_id").asLong();
        if (message == null || !guild.hasChannel(channelId)) {
            throw new IllegalArgumentException("message " + messageId + " is not in a channel of guild " + guildId);
        }
        if (!guild.members().containsKey(userId)) {
            throw new IllegalArgumentException("user " + userId + " is not a member of guild " + guildId);
        }
        Long viewer = ephemeralViewer(message);
        if (viewer != null && viewer != userId) {
            throw new IllegalArgumentException("message " + messageId + " is ephemeral: only user " + viewer
                    + " sees it, so only they can press its buttons");
        }
        JsonNode button = findComponent(message.path("components"), customId);
        if (button == null || button.path("type").asInt() != ComponentLimits.BUTTON) {
            throw new IllegalArgumentException("message " + messageId + " has no button with custom_id '" + customId
                    + "'; its components: " + message.path("components"));
        }
        if (button.path("disabled").asBoolean(false)) {
            throw new IllegalArgumentException("button '" + customId + "' is disabled; the client cannot press it");
        }
        InteractionState state = emulator.newInteraction(guildId, channelId, userId, null, MESSAGE_COMPONENT);
        state.componentMessageId = messageId;
        state.customId = customId;
        ObjectNode d = emulator.interactionPayload(guild, state);
        d.set("message", message.deepCopy());
        ObjectNode data = d.putObject("data");
        data.put("custom_id", customId);
        data.put("component_type", ComponentLimits.BUTTON);
        if (button.has("id")) {
            data.put("id", button.path("id").asInt());
        }
        emulator.gateway().dispatch(guildId, "INTERACTION_CREATE", d);
        emulator.lock.notifyAll();
        return new Interaction(state.id, state.token);
    }

    /**
     * The member who opened a modal submits it with these values by text input custom_id; inputs not named keep
     * the value the bot pre-filled, or stay empty.
     */
    Interaction submit(Interaction opener, Map<String, String> values) {
        InteractionState origin = emulator.interactions.get(opener.id());
        if (origin == null || origin.modal == null) {
            throw new IllegalArgumentException("interaction " + opener.id() + " was not answered with a modal "
                    + "(a type-9 callback)");
        }
        if (origin.modalSubmitted) {
            throw new IllegalArgumentException("the modal of interaction " + opener.id() + " was submitted already;"
                    + " submitting closes it");
        }
        ArrayNode rows = submittedRows(origin.modal, values);
        origin.modalSubmitted = true;
        GuildSpec guild = emulator.guild(origin.guildId);
        InteractionState state = emulator.newInteraction(origin.guildId, origin.channelId, origin.userId, null,
                MODAL_SUBMIT);
        state.componentMessageId = origin.componentMessageId;
        state.customId = origin.modal.path("custom_id").asText();
        state.trigger = origin;
        ObjectNode d = emulator.interactionPayload(guild, state);
        if (origin.componentMessageId != null && emulator.messages.containsKey(origin.componentMessageId)) {
            d.set("message", emulator.messages.get(origin.componentMessageId).deepCopy());
        }
        ObjectNode data = d.putObject("data");
        data.put("custom_id", state.customId);
        data.set("components", rows);
        emulator.gateway().dispatch(origin.guildId, "INTERACTION_CREATE", d);
        emulator.lock.notifyAll();
        return new Interaction(state.id, state.token);
    }

    /** {@code data.components} of a submission: each row's text input with its id, custom_id and value. */
    private ArrayNode submittedRows(ObjectNode modal, Map<String, String> values) {
        Set<String> unknown = new HashSet<>(values.keySet());
        ArrayNode rows = emulator.json.createArrayNode();
        for (JsonNode row : modal.path("components")) {
            JsonNode input = row.path("components").path(0);
            String customId = input.path("custom_id").asText();
            unknown.remove(customId);
            String value = values.getOrDefault(customId, input.path("value").asText(""));
            checkValue(input, value);
            ObjectNode outRow = rows.addObject().put("type", ComponentLimits.ACTION_ROW);
            outRow.put("id", row.path("id").asInt(rows.size() * 2 - 1));
            outRow.putArray("components").addObject()
                    .put("type", ComponentLimits.TEXT_INPUT)
                    .put("id", input.path("id").asInt(rows.size() * 2))
                    .put("custom_id", customId)
                    .put("value", value);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the modal has no text inputs " + unknown + ": " + modal);
        }
        return rows;
    }

    /** What Discord's client enforces before it lets a member submit: required filled, lengths in range. */
    private static void checkValue(JsonNode input, String value) {
        String customId = input.path("custom_id").asText();
        int length = MessageLimits.length(value);
        if (input.path("required").asBoolean(true) && value.isEmpty()) {
            throw new IllegalArgumentException("text input '" + customId + "' is required (the default); the client"
                    + " does not submit it empty");
        }
        int min = input.path("min_length").asInt(0);
        int max = input.path("max_length").asInt(ComponentLimits.TEXT_INPUT_LENGTH);
        if (!value.isEmpty() && (length < min || length > max)) {
            throw new IllegalArgumentException("text input '" + customId + "' takes " + min + " to " + max
                    + " characters; the client does not submit " + length);
        }
    }

    /**
     * Why Discord refuses a callback of this type for this interaction, or null if it takes it: a command takes
     * 4, 5 or 9; a component also 6 and 7 (acknowledge, or update the message it is on); a modal submission 4 and
     * 5, and 6 or 7 only when the modal was opened from a component, and never another modal.
     */
    static String callbackRefusal(InteractionState state, int type) {
        boolean allowed = switch (state.type) {
            case APPLICATION_COMMAND -> type == 4 || type == 5 || type == 9;
            case MESSAGE_COMPONENT -> type == 4 || type == 5 || type == 6 || type == 7 || type == 9;
            case MODAL_SUBMIT -> type == 4 || type == 5 || (type == 6 || type == 7) && state.componentMessageId != null;
            default -> false;
        };
        if (allowed) {
            return null;
        }
        return "callback type " + type + " is not valid for " + switch (state.type) {
            case APPLICATION_COMMAND -> "a slash command (4: message, 5: deferred message, 9: modal)";
            case MESSAGE_COMPONENT -> "a component interaction (4, 5, 6: deferred update, 7: update, 9: modal)";
            default -> "a modal submission (4, 5; 6 and 7 only for a modal opened from a component; no modal)";
        };
    }

    /** {@code interaction_metadata} of a message the bot posted in answer to this interaction. */
    ObjectNode metadata(InteractionState state) {
        ObjectNode metadata = emulator.json.createObjectNode();
        metadata.put("id", id(state.id));
        metadata.put("type", state.type);
        metadata.set("user", emulator.userJson(state.userId));
        metadata.putObject("authorizing_integration_owners").put("0", id(state.guildId));
        if (state.type == MESSAGE_COMPONENT) {
            metadata.put("interacted_message_id", id(state.componentMessageId));
        } else if (state.type == MODAL_SUBMIT) {
            metadata.set("triggering_interaction_metadata", metadata(state.trigger));
        }
        return metadata;
    }

    /** The member who alone sees an ephemeral message (the user of the interaction it answers), or null. */
    private Long ephemeralViewer(ObjectNode message) {
        if ((message.path("flags").asInt() & FLAG_EPHEMERAL) == 0) {
            return null;
        }
        long messageId = message.path("id").asLong();
        for (InteractionState state : emulator.interactions.values()) {
            if (Long.valueOf(messageId).equals(state.originalMessageId) || state.followups.contains(messageId)) {
                return state.userId;
            }
        }
        return null;
    }

    private static JsonNode findComponent(JsonNode components, String customId) {
        for (JsonNode component : components) {
            if (customId.equals(component.path("custom_id").asText(null))) {
                return component;
            }
            JsonNode inner = findComponent(component.path("components"), customId);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
