package footnote.discord.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One REST request the bot sent to the emulator, with the status the emulator answered.
 *
 * @param method  HTTP method, upper case
 * @param path    path without the {@code /api/v10} prefix and without the query, e.g. {@code /channels/5/messages}
 * @param query   the raw query string without {@code ?}, or {@code ""}
 * @param headers request headers, names in lower case (repeated headers joined with {@code ", "})
 * @param body    the JSON body, or the {@code payload_json} part of a multipart body; {@code NullNode} if none
 * @param status  the HTTP status the emulator answered
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, JsonNode body,
                              int status) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** Whether this is {@code method} on a path matching the regular expression {@code pathRegex} (whole path). */
    public boolean is(String method, String pathRegex) {
        return this.method.equalsIgnoreCase(method) && path.matches(pathRegex);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (body == null || body.isNull() ? "" : " " + abbreviate(body.toString()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }
}
