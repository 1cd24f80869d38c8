package footnote.ingest;

import footnote.corpus.Progress;
import footnote.corpus.SourceActivity;
import footnote.corpus.SourceActivity.Kind;
import footnote.fetch.Feed;
import footnote.fetch.FeedEntry;
import footnote.fetch.FetchException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a feed's entries that are not copies yet, each at most once whatever its GUID, link or text: a feed that
 * reissues an entry under a new GUID, or moves it to a new link, does not make a second copy.
 */
final class FeedCopier {

    private static final Logger log = LoggerFactory.getLogger(FeedCopier.class);

    /** How a job writes one copy: through the guard that lets no write land after its source's removal. */
    interface CopyWriter {
        void write(String articleId, String text);
    }

    private final CopyStore copies;
    private final Acquirer acquirer;
    private final Clock clock;

    FeedCopier(CopyStore copies, Acquirer acquirer, Clock clock) {
        this.copies = copies;
        this.acquirer = acquirer;
        this.clock = clock;
    }

    /**
     * @return how many entries were copied; stops early, keeping what it copied, once the job must stop (indexing
     *         what was copied then ends the job with the reason)
     */
    int copy(SourceRecord record, Feed feed, CopyWriter writer, Cancellation cancellation, Progress progress) {
        String id = record.id();
        Set<EntryKey> seen = new HashSet<>();
        int next = 0;
        for (String articleId : copies.articleIds(id)) {
            try {
                CopyFile.Keys keys = CopyFile.keys(copies.read(id, articleId));
                EntryKey.guid(Optional.ofNullable(keys.guid())).ifPresent(seen::add);
                EntryKey.url(Optional.ofNullable(keys.url())).ifPresent(seen::add);
                Optional.ofNullable(keys.hash()).map(EntryKey::hash).ifPresent(seen::add);
            } catch (IOException e) {
                log.warn("Cannot read copy {} of {}: {}", articleId, id, e.getMessage());
            }
            next = Math.max(next, number(articleId) + 1);
        }
        int copied = 0;
        int done = 0;
        List<FeedEntry> entries = feed.entries();
        for (FeedEntry entry : entries) {
            progress.report(new SourceActivity(Kind.FETCHING_ENTRIES, record.title()), done++, entries.size());
            if (cancellation.stopped().isPresent()) {
                break;
            }
            Optional<EntryKey> link = EntryKey.url(entry.link().map(URI::toString));
            if (EntryKey.guid(entry.guid()).filter(seen::contains).isPresent() || link.filter(seen::contains).isPresent()) {
                continue;
            }
            try {
                Acquirer.Extracted article = acquirer.entry(entry, feed);
                EntryKey hash = EntryKey.hash(CopyFile.hash(article.paragraphs()));
                Optional<EntryKey> page = EntryKey.url(article.meta().url());
                if (seen.contains(hash) || page.filter(seen::contains).isPresent()) {
                    continue;
                }
                EntryKey.guid(entry.guid()).ifPresent(seen::add);
                page.ifPresent(seen::add);
                link.ifPresent(seen::add);
                seen.add(hash);
                writer.write(id + "-" + next++, CopyFile.write(article.meta(), entry.guid(), article.paragraphs(),
                        clock.instant()));
                copied++;
            } catch (FetchException e) {
                log.info("Skipped entry \"{}\" of feed {}: {}", entry.title(), id, e.getMessage());
            }
        }
        progress.report(new SourceActivity(Kind.FETCHED_ENTRIES, record.title()), entries.size(),
                entries.size());
        return copied;
    }

    /** The entry number at the end of a copy's article id ({@code k3x9qa-12}), 0 for none. */
    private static int number(String articleId) {
        int dash = articleId.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Integer.parseInt(articleId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
