package footnote.testing;

import footnote.corpus.Progress;
import footnote.corpus.Scope;
import footnote.corpus.SourceAdmin;
import footnote.corpus.SourceChange;
import footnote.corpus.SourceJobs;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A source admin that changes nothing, for tests of everything else; it says so when asked. */
public final class RefusingSourceAdmin implements SourceAdmin {

    private static CompletableFuture<SourceChange> no() {
        return CompletableFuture.completedFuture(new SourceChange.Refused(new SourceChange.Refusal.IndexReadOnly()));
    }

    @Override
    public CompletableFuture<SourceChange> add(Scope scope, URI url, Progress progress) {
        return no();
    }

    @Override
    public CompletableFuture<SourceChange> upload(Scope scope, String fileName, URI location, Progress progress) {
        return no();
    }

    @Override
    public CompletableFuture<SourceChange> remove(Scope scope, String id) {
        return no();
    }

    @Override
    public CompletableFuture<SourceChange> refresh(Scope scope, Optional<String> id, Progress progress) {
        return no();
    }

    @Override
    public SourceJobs jobs(Scope scope) {
        return new SourceJobs(List.of(), List.of(), List.of());
    }
}
