package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Limits Discord documents for message bodies (docs: "Create Message", "Embed Limits", "Allowed Mentions") that
 * its OpenAPI schemas do not all state. The schema allows {@code content} up to 4,000 characters, for instance;
 * a bot gets 2,000.
 */
final class MessageLimits {

    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER_TEXT = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBEDS_TOTAL = 6000;
    static final int ALLOWED_MENTION_IDS = 100;

    private MessageLimits() {
    }

    /**
     * Checks a message-shaped body (content, embeds, allowed_mentions).
     *
     * @param where prefix for the problem texts, e.g. {@code ""} or {@code "data."}
     */
    static List<String> check(JsonNode message, String where) {
        List<String> problems = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return problems;
        }
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            int length = length(content.asText());
            if (length > CONTENT) {
                problems.add(where + "content is " + length + " characters; Discord allows a bot at most "
                        + CONTENT + " (the OpenAPI schema's maxLength is not the limit)");
            }
        }
        JsonNode embeds = message.get("embeds");
        if (embeds != null && embeds.isArray()) {
            if (embeds.size() > EMBEDS) {
                problems.add(where + "embeds has " + embeds.size() + " embeds; at most " + EMBEDS);
            }
            int total = 0;
            for (int i = 0; i < embeds.size(); i++) {
                JsonNode embed = embeds.get(i);
                String at = where + "embeds[" + i + "].";
                total += limit(problems, embed.get("title"), EMBED_TITLE, at + "title");
                total += limit(problems, embed.get("description"), EMBED_DESCRIPTION, at + "description");
                total += limit(problems, embed.path("footer").get("text"), FOOTER_TEXT, at + "footer.text");
                total += limit(problems, embed.path("author").get("name"), AUTHOR_NAME, at + "author.name");
                JsonNode fields = embed.get("fields");
                if (fields != null && fields.isArray()) {
                    if (fields.size() > EMBED_FIELDS) {
                        problems.add(at + "fields has " + fields.size() + " fields; at most " + EMBED_FIELDS);
                    }
                    for (int f = 0; f < fields.size(); f++) {
                        total += limit(problems, fields.get(f).get("name"), FIELD_NAME, at + "fields[" + f + "].name");
                        total += limit(problems, fields.get(f).get("value"), FIELD_VALUE,
                                at + "fields[" + f + "].value");
                    }
                }
            }
            if (total > EMBEDS_TOTAL) {
                problems.add(where + "embeds hold " + total + " characters in titles, descriptions, fields, footers "
                        + "and author names together; at most " + EMBEDS_TOTAL);
            }
        }
        JsonNode allowed = message.get("allowed_mentions");
        if (allowed != null && allowed.isObject()) {
            Set<String> parse = new HashSet<>();
            allowed.path("parse").forEach(p -> parse.add(p.asText()));
            for (String kind : List.of("users", "roles")) {
                JsonNode ids = allowed.get(kind);
                if (ids != null && ids.isArray() && !ids.isEmpty() && parse.contains(kind)) {
                    problems.add(where + "allowed_mentions has both parse:[\"" + kind + "\"] and a " + kind
                            + " list; Discord rejects that combination");
                }
                if (ids != null && ids.isArray() && ids.size() > ALLOWED_MENTION_IDS) {
                    problems.add(where + "allowed_mentions." + kind + " lists " + ids.size() + " ids; at most "
                            + ALLOWED_MENTION_IDS);
                }
            }
        }
        return problems;
    }

    /**
     * Whether the body would make an empty message: no non-blank content, no embeds, components, stickers, poll or
     * attachments. Discord answers such a create with 400, code 50006.
     */
    static boolean isEmptyMessage(JsonNode message, int files) {
        if (files > 0) {
            return false;
        }
        if (message == null || !message.isObject()) {
            return true;
        }
        if (!message.path("content").asText("").isBlank()) {
            return false;
        }
        for (String field : List.of("embeds", "components", "sticker_ids", "attachments")) {
            if (message.path(field).isArray() && !message.path(field).isEmpty()) {
                return false;
            }
        }
        return !message.hasNonNull("poll");
    }

    private static int limit(List<String> problems, JsonNode text, int max, String what) {
        if (text == null || !text.isTextual()) {
            return 0;
        }
        int length = length(text.asText());
        if (length > max) {
            problems.add(what + " is " + length + " characters; at most " + max);
        }
        return length;
    }

    /** Discord counts characters as Unicode code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
