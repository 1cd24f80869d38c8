package footnote.search;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lucene's {@code write.lock} is an empty file locked by the operating system while a writer is open; Lucene
 * refuses a lock file with anything in it ("Unexpected lock file size"), so one garbled by a disk error or a stray
 * write would stop every command. When no process holds the lock, its content means nothing: it is emptied.
 */
final class StaleLock {

    private static final Logger log = LoggerFactory.getLogger(StaleLock.class);

    private StaleLock() {}

    /** Empties {@code lockFile} when it has content and no process holds its lock; otherwise leaves it alone. */
    static void clearIfUnheld(Path lockFile) throws IOException {
        if (!Files.isRegularFile(lockFile) || Files.size(lockFile) == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // another process writes the index: Lucene says so
            }
            try {
                long size = channel.size();
                channel.truncate(0);
                log.warn("{} held {} bytes that no process had locked; emptied it so the index can open", lockFile,
                        size);
            } finally {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            // This process already holds it: the writer open here is the one that counts.
        }
    }
}
