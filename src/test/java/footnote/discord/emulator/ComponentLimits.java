package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's rules for message components and modals (docs: "Component Reference", "Responding to an Interaction")
 * that its OpenAPI schemas leave out or state loosely: a classic message holds at most 5 action rows (the schema's
 * 40 counts the newer layout components), a row holds up to 5 buttons or one select menu, a button needs a
 * {@code custom_id} unless it is a link (then a {@code url} and no {@code custom_id}), custom ids are unique within
 * a message or modal, and a modal holds 1 to 5 rows of one text input each. Lengths are counted in code points, as
 * Discord counts them. Also refused: layouts Javacord 3.8.0 cannot read back (it throws on component types it does
 * not know, and on anything but action rows in a modal submission), so the bot could never see its own message.
 */
final class ComponentLimits {

    static final int ACTION_ROWS = 5;
    static final int BUTTONS_PER_ROW = 5;
    static final int CUSTOM_ID = 100;
    static final int BUTTON_LABEL = 80;
    static final int MODAL_TITLE = 45;
    static final int MODAL_ROWS = 5;
    static final int TEXT_INPUT_LABEL = 45;
    static final int TEXT_INPUT_LENGTH = 4000;
    static final int PLACEHOLDER = 100;

    static final int ACTION_ROW = 1;
    static final int BUTTON = 2;
    static final int TEXT_INPUT = 4;
    private static final int LINK = 5;
    private static final int PREMIUM = 6;
    private static final Set<Integer> SELECT_MENUS = Set.of(3, 5, 6, 7, 8);

    private ComponentLimits() {
    }

    /**
     * Checks the {@code components} of a message-shaped body (create, edit, interaction response or follow-up).
     *
     * @param where prefix for the problem texts, e.g. {@code ""} or {@code "data."}
     */
    static List<String> checkMessage(JsonNode message, String where) {
        List<String> problems = new ArrayList<>();
        JsonNode rows = message == null ? null : message.get("components");
        if (rows == null || !rows.isArray()) {
            return problems;
        }
        if (rows.size() > ACTION_ROWS) {
            problems.add(where + "components has " + rows.size() + " action rows; a message holds at most "
                    + ACTION_ROWS);
        }
        Set<String> customIds = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = where + "components[" + r + "]";
            if (row.path("type").asInt() != ACTION_ROW) {
                problems.add(at + " has type " + row.path("type").asInt() + "; only action rows (type 1) may stand "
                        + "at the top of a message (Javacord 3.8.0 reads nothing else back)");
                continue;
            }
            checkMessageRow(row.path("components"), at, customIds, problems);
        }
        return problems;
    }

    private static void checkMessageRow(JsonNode items, String at, Set<String> customIds, List<String> problems) {
        int buttons = 0;
        int selects = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int type = item.path("type").asInt();
            String itemAt = at + ".components[" + i + "]";
            if (type == BUTTON) {
                buttons++;
                checkButton(item, itemAt, problems);
            } else if (SELECT_MENUS.contains(type)) {
                selects++;
            } else {
                problems.add(itemAt + " has type " + type + "; an action row in a message holds buttons (2) or a "
                        + "select menu (3, 5-8)");
            }
            checkCustomId(item, itemAt, customIds, problems);
        }
        if (items.isEmpty()) {
            problems.add(at + " is an empty action row; it needs 1 to " + BUTTONS_PER_ROW + " components");
        }
        if (buttons > BUTTONS_PER_ROW) {
            problems.add(at + " holds " + buttons + " buttons; an action row holds at most " + BUTTONS_PER_ROW);
        }
        if (selects > 0 && (selects > 1 || buttons > 0)) {
            problems.add(at + " mixes a select menu with other components; a select menu fills its row alone");
        }
    }

    private static void checkButton(JsonNode button, String at, List<String> problems) {
        int style = button.path("style").asInt();
        boolean hasCustomId = button.hasNonNull("custom_id");
        boolean hasUrl = button.hasNonNull("url");
        if (style < 1 || style > PREMIUM) {
            problems.add(at + " has button style " + style + "; styles are 1 (primary) to 6 (premium)");
        } else if (style == LINK) {
            if (!hasUrl || hasCustomId) {
                problems.add(at + " is a link button (style 5): it needs a url and no custom_id");
            }
        } else if (style == PREMIUM) {
            if (!button.hasNonNull("sku_id") || hasCustomId || hasUrl || button.hasNonNull("label")) {
                problems.add(at + " is a premium button (style 6): it needs a sku_id and no custom_id, url or label");
            }
        } else if (!hasCustomId || hasUrl) {
            problems.add(at + " is a button of style " + style + ": it needs a custom_id and no url");
        }
        if (style != PREMIUM && !button.hasNonNull("label") && !button.hasNonNull("emoji")) {
            problems.add(at + " is a button without a label or an emoji; Discord needs one of them");
        }
        tooLong(button.get("label"), BUTTON_LABEL, at + ".label", problems);
    }

    /**
     * Checks the {@code data} of a MODAL callback (type 9).
     *
     * @param where prefix for the problem texts, e.g. {@code "data."}
     */
    static List<String> checkModal(JsonNode data, String where) {
        List<String> problems = new ArrayList<>();
        if (data == null || !data.isObject()) {
            problems.add(where.isEmpty() ? "a modal needs data" : where + " is missing; a modal needs it");
            return problems;
        }
        String customId = data.path("custom_id").asText("");
        if (customId.isEmpty() || MessageLimits.length(customId) > CUSTOM_ID) {
            problems.add(where + "custom_id must be 1 to " + CUSTOM_ID + " characters; it is "
                    + MessageLimits.length(customId));
        }
        String title = data.path("title").asText("");
        if (title.isEmpty() || MessageLimits.length(title) > MODAL_TITLE) {
            problems.add(where + "title must be 1 to " + MODAL_TITLE + " characters; it is "
                    + MessageLimits.length(title));
        }
        JsonNode rows = data.path("components");
        if (rows.size() < 1 || rows.size() > MODAL_ROWS) {
            problems.add(where + "components has " + rows.size() + " rows; a modal holds 1 to " + MODAL_ROWS);
        }
        Set<String> customIds = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = where + "components[" + r + "]";
            JsonNode items = row.path("components");
            if (row.path("type").asInt() != ACTION_ROW || items.size() != 1
                    || items.get(0).path("type").asInt() != TEXT_INPUT) {
                problems.add(at + " must be an action row (type 1) holding exactly one text input (type 4); "
                        + "Javacord 3.8.0 reads nothing else back from a modal submission");
                continue;
            }
            checkTextInput(items.get(0), at + ".components[0]", problems);
            checkCustomId(items.get(0), at + ".components[0]", customIds, problems);
        }
        return problems;
    }

    private static void checkTextInput(JsonNode input, String at, List<String> problems) {
        int style = input.path("style").asInt();
        if (style != 1 && style != 2) {
            problems.add(at + " has text input style " + style + "; 1 (short) or 2 (paragraph)");
        }
        String label = input.path("label").asText("");
        if (label.isEmpty() || MessageLimits.length(label) > TEXT_INPUT_LABEL) {
            problems.add(at + ".label must be 1 to " + TEXT_INPUT_LABEL + " characters in an action row; it is "
                    + MessageLimits.length(label));
        }
        Integer min = input.hasNonNull("min_length") ? input.get("min_length").asInt() : null;
        Integer max = input.hasNonNull("max_length") ? input.get("max_length").asInt() : null;
        if (min != null && (min < 0 || min > TEXT_INPUT_LENGTH)) {
            problems.add(at + ".min_length is " + min + "; it must be 0 to " + TEXT_INPUT_LENGTH);
        }
        if (max != null && (max < 1 || max > TEXT_INPUT_LENGTH)) {
            problems.add(at + ".max_length is " + max + "; it must be 1 to " + TEXT_INPUT_LENGTH);
        }
        if (min != null && max != null && min > max) {
            problems.add(at + ".min_length " + min + " exceeds max_length " + max);
        }
        tooLong(input.get("placeholder"), PLACEHOLDER, at + ".placeholder", problems);
        tooLong(input.get("value"), max == null ? TEXT_INPUT_LENGTH : max, at + ".value", problems);
    }

    private static void checkCustomId(JsonNode component, String at, Set<String> seen, List<String> problems) {
        JsonNode customId = component.get("custom_id");
        if (customId == null || customId.isNull()) {
            return;
        }
        String value = customId.asText();
        int length = MessageLimits.length(value);
        if (length < 1 || length > CUSTOM_ID) {
            problems.add(at + ".custom_id is " + length + " characters; it must be 1 to " + CUSTOM_ID);
        }
        if (!seen.add(value)) {
            problems.add(at + ".custom_id '" + value + "' is used twice; custom ids are unique within a message "
                    + "or modal");
        }
    }

    private static void tooLong(JsonNode text, int max, String what, List<String> problems) {
        if (text != null && text.isTextual() && MessageLimits.length(text.asText()) > max) {
            problems.add(what + " is " + MessageLimits.length(text.asText()) + " characters; at most " + max);
        }
    }
}
