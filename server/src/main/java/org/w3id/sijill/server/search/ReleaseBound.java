package org.w3id.sijill.server.search;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something that belongs to one release (an index opened in its folder) and is shared by the
 * requests in flight. It counts its holders: one for its owner (until {@link #retire}) and one per
 * open {@link Lease}. It is closed once, when it is retired and the last lease has ended — never
 * under a request that still uses it, and never before its release stops being served.
 *
 * <pre>{@code
 * ReleaseBound<ReleaseTextIndex> bound = new ReleaseBound<>(index, ReleaseTextIndex::close);
 * try (ReleaseBound.Lease<ReleaseTextIndex> lease = bound.lease().orElseThrow()) {
 *     lease.get().search().search(request);
 * }
 * bound.retire();   // closed now, or when the last lease ends
 * }</pre>
 *
 * @param <T> what is bound to the release
 */
public final class ReleaseBound<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseBound.class);

    private final T value;
    private final Consumer<? super T> closer;
    /** The owner's reference (until retired) plus one per open lease; 0 means closed. */
    private final AtomicInteger holders = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();
    private volatile RuntimeException closeFailure;

    /**
     * @param value  the release's resource
     * @param closer what closes it (called once, on the thread that lets go of it last)
     */
    public ReleaseBound(T value, Consumer<? super T> closer) {
        this.value = Objects.requireNonNull(value);
        this.closer = Objects.requireNonNull(closer);
    }

    /** @return a lease on the resource, or empty when it is already closed (its release was replaced) */
    public Optional<Lease<T>> lease() {
        for (int n = holders.get(); n > 0; n = holders.get()) {
            if (holders.compareAndSet(n, n + 1)) return Optional.of(new Lease<>(this));
        }
        return Optional.empty();
    }

    /** Marks the release as no longer served: the resource closes when the last lease ends (at once if none is open). */
    public void retire() {
        if (retired.compareAndSet(false, true)) letGo();
    }

    /** @return whether the resource has been closed */
    public boolean isClosed() { return holders.get() == 0; }

    /** @return whether {@link #retire} was called */
    public boolean isRetired() { return retired.get(); }

    /** @return the number of leases open now */
    public int leases() {
        int n = holders.get();
        return n == 0 ? 0 : n - (retired.get() ? 0 : 1);
    }

    /** @return the failure of closing the resource, if closing failed */
    public Optional<RuntimeException> closeFailure() { return Optional.ofNullable(closeFailure); }

    /** @return the resource (whether or not it is still open; use a {@link Lease} to be sure it is) */
    T value() { return value; }

    private void letGo() {
        if (holders.decrementAndGet() != 0) return;
        try {
            closer.accept(value);
        } catch (RuntimeException e) {
            // the last holder may be a request that has already answered: its answer must not fail for this
            closeFailure = e;
            LOG.warn("closing {} failed: {}", value, e.getMessage(), e);
        }
    }

    /**
     * One holder's use of the resource, from {@link ReleaseBound#lease} to {@link #close}.
     *
     * @param <T> what is bound to the release
     */
    public static final class Lease<T> implements AutoCloseable {
        private final ReleaseBound<T> bound;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(ReleaseBound<T> bound) {
            this.bound = bound;
        }

        /** @return the resource, open until this lease is closed */
        public T get() { return bound.value; }

        /** Ends this lease (once; later calls do nothing). */
        @Override
        public void close() {
            if (open.compareAndSet(true, false)) bound.letGo();
        }
    }
}
