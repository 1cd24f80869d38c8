package footnote.corpus;

import java.util.Optional;

/**
 * What a source operation did, for the person who asked.
 *
 * @param done    false when it was refused or failed; the message says why
 * @param message one or two sentences ("Added feed Example News (id k3x9qa): 12 articles, 140 passages.")
 * @param source  the source as it now stands, when there is one
 */
public record SourceChange(boolean done, String message, Optional<SourceStatus> source) {

    public static SourceChange failed(String message) {
        return new SourceChange(false, message, Optional.empty());
    }

    public static SourceChange done(String message, SourceStatus source) {
        return new SourceChange(true, message, Optional.of(source));
    }
}
