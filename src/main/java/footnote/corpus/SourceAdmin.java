package footnote.corpus;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Changes what the bot knows: sources added, uploaded, refreshed or removed within one scope. Work that takes
 * time (fetching, extracting, embedding) runs in the background, one job at a time, and completes the returned
 * future; questions keep being answered meanwhile. Every operation sees only the given scope's sources: an id from
 * another scope is treated as unknown.
 */
public interface SourceAdmin {

    /** A URL: an article page, or an RSS/Atom feed, told apart by what it serves. */
    CompletableFuture<SourceChange> add(Scope scope, URI url, Progress progress);

    /** An uploaded file, read from {@code location} (the attachment's URL, or a local file). */
    CompletableFuture<SourceChange> upload(Scope scope, String fileName, URI location, Progress progress);

    CompletableFuture<SourceChange> remove(Scope scope, String id);

    /** Refetches one source, or all of the scope's sources when {@code id} is empty. */
    CompletableFuture<SourceChange> refresh(Scope scope, Optional<String> id, Progress progress);

    /** What is running, queued or failed for the scope. */
    SourceJobs jobs(Scope scope);
}
