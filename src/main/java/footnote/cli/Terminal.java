package footnote.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams in UTF-8, whatever the platform's default: articles are full of curly quotes and
 * dashes. Wraps {@code System.out} and friends as they are when a command starts, so tests can replace them.
 */
final class Terminal {

    final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    BufferedReader in() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    /** True when a person is typing, so prompts and progress bars make sense. */
    boolean interactive() {
        return System.console() != null;
    }
}
