package footnote.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads a file an operator uploads from the command line, within the same size cap as a fetch. Only a regular file
 * is read: a symbolic link is refused rather than followed (so an upload cannot read whatever the link points to,
 * such as {@code /etc/shadow}), and a device or a pipe is refused before it is opened (so {@code /dev/zero} cannot
 * fill the memory and a FIFO cannot hold the job forever).
 */
final class LocalFile {

    private static final String UNKNOWN = "application/octet-stream";

    private LocalFile() {}

    /**
     * @throws FetchException with a one-line message naming the file when it is not a regular file, is larger than
     *     {@code maxBytes} or cannot be read
     */
    static Fetched read(Path path, long maxBytes) throws FetchException {
        String name = Optional.ofNullable(path.getFileName()).map(Path::toString).orElse(path.toString());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (attributes.isSymbolicLink()) {
            throw new FetchException(name + " is a symbolic link; upload the file itself.");
        }
        if (!attributes.isRegularFile()) {
            throw new FetchException(name + " is not a regular file (a folder, a device or a pipe); upload a file.");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            // The file may grow after its size was read: never read more than one byte past the cap.
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        return new Fetched(path.toUri(), path.toUri(), UNKNOWN, Optional.empty(), bytes);
    }

    private static FetchException tooLarge(String name, long maxBytes) {
        return new FetchException(name + " is larger than " + Urls.size(maxBytes) + ".");
    }

    private static FetchException unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new FetchException(name + " does not exist.");
        }
        if (e instanceof AccessDeniedException) {
            return new FetchException(name + " cannot be read: permission denied.");
        }
        return new FetchException(name + " cannot be read.", e);
    }
}
