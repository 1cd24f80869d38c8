package footnote.testing;

import footnote.search.Embedder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An embedder that, once armed, holds the next batch of passages until released: a test can act while a job is
 * in the middle of embedding.
 */
public final class GatedEmbedder implements Embedder {

    private final Embedder inner;
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** Embeds as {@link HashingEmbedder} does. */
    public GatedEmbedder() {
        this(new HashingEmbedder());
    }

    /** Embeds as {@code inner} does. */
    public GatedEmbedder(Embedder inner) {
        this.inner = inner;
    }

    /** The next {@link #embedPassages} call waits, until {@link #release()}, after saying it has begun. */
    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Waits until an armed call has begun. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch of passages was embedded");
        }
    }

    public void release() {
        release.countDown();
    }

    @Override
    public String modelId() {
        return inner.modelId();
    }

    @Override
    public float[] embedQuery(String question) {
        return inner.embedQuery(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        CountDownLatch held = release;
        entered.countDown();
        try {
            if (!held.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("an armed batch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release = new CountDownLatch(0); // one batch per arming
        return inner.embedPassages(passages);
    }
}
