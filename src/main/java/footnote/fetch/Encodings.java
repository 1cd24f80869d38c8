package footnote.fetch;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Tells the character encoding of a text file that does not declare one. */
public final class Encodings {

    /** ICU's confidence (0-100) below which its guess is no better than assuming UTF-8. */
    private static final int CONFIDENT = 50;

    private Encodings() {}

    /**
     * The file's encoding: the one its byte-order mark names (UTF-8, UTF-16 or UTF-32), else UTF-8 when the bytes
     * are valid UTF-8 (plain ASCII included), else ICU's detector's best guess (Windows-1252, Shift-JIS, ...), else
     * UTF-8, whose decoder replaces what it cannot read rather than failing.
     */
    public static Charset detect(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00) || startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
            return detected(body); // UTF-32: ICU knows its byte orders
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (validUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        return detected(body);
    }

    private static Charset detected(byte[] body) {
        CharsetMatch match = new CharsetDetector().setText(body).detect();
        if (match == null || match.getConfidence() < CONFIDENT || !Charset.isSupported(match.getName())) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(match.getName());
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
