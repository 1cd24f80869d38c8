package footnote.insights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a member into a voter for one record: an HMAC-SHA-256 of the record id and the member id under a secret that
 * is not stored with the records (derived from the bot's token, which is never written anywhere). The same member
 * gets the same voter on one record, so a second press changes their vote rather than adding one, but different
 * voters on different records, so records cannot be joined up by member; and without the secret a voter cannot be
 * matched to a member id, however many ids one tries.
 */
public final class VoterKey {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the MAC: collisions between a record's voters are out of reach, and half the bytes are stored. */
    private static final int BYTES = 16;

    private final SecretKeySpec key;

    private VoterKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A key derived from a secret the bot holds but never stores, such as its Discord token. */
    public static VoterKey from(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("footnote insights voter key\n" + secret).getBytes(StandardCharsets.UTF_8));
            return new VoterKey(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The voter a member is on a record. */
    public String voter(String recordId, String memberId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] out = mac.doFinal((recordId + "\n" + memberId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out, 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
