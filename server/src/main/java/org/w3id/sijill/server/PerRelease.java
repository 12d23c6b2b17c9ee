package org.w3id.sijill.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A value computed once per data release (counts, descriptions) instead of once per request: the
 * first use after the served release changed computes it again; every other use returns the kept
 * value. {@link #get()} waits for it (computing it on the caller's thread if nobody is);
 * {@link #within} starts computing it on a background thread and waits at most a while, so a
 * request can be answered "not ready yet" instead of being held for as long as a large release
 * takes. A computation that failed is tried again by the next use. Callers treat the value as
 * read-only.
 *
 * <pre>{@code
 * PerRelease<Map<String, Long>> counts = new PerRelease<>(() -> site.release().id(), queries::classCounts);
 * long laws = counts.get().get(lawClass);
 * Optional<Map<String, Long>> ready = counts.within(Duration.ofSeconds(2)); // empty: still computing
 * }</pre>
 *
 * @param <T> the value
 */
public final class PerRelease<T> {
    private record Kept<T>(Object release, CompletableFuture<T> value) {}

    private final Supplier<?> release;
    private final Supplier<T> compute;
    private volatile Kept<T> kept;

    /**
     * @param release what identifies the release served now (e.g. {@code () -> site.release().id()})
     * @param compute computes the value from the store
     */
    public PerRelease(Supplier<?> release, Supplier<T> compute) {
        this.release = Objects.requireNonNull(release);
        this.compute = Objects.requireNonNull(compute);
    }

    /** @return the value for the release served now, computed if it was not yet */
    public T get() {
        try {
            return future(false).join();
        } catch (CompletionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /**
     * @param wait how long to wait for the value
     * @return the value for the release served now, or empty when it is still being computed
     *         after {@code wait} (its computation goes on in the background)
     */
    public Optional<T> within(Duration wait) {
        CompletableFuture<T> f = future(true);
        try {
            return Optional.of(f.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private CompletableFuture<T> future(boolean background) {
        Object now = release.get();
        Kept<T> k = kept;
        if (usable(k, now)) return k.value();
        CompletableFuture<T> f;
        synchronized (this) {
            k = kept;
            if (usable(k, now)) return k.value();
            f = new CompletableFuture<>();
            kept = new Kept<>(now, f);
        }
        Runnable work = () -> {
            try {
                f.complete(compute.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        };
        if (background) {
            Thread t = new Thread(work, "sijill-per-release");
            t.setDaemon(true);
            t.start();
        } else {
            work.run();
        }
        return f;
    }

    private static boolean usable(Kept<?> k, Object now) {
        return k != null && k.release().equals(now) && !k.value().isCompletedExceptionally();
    }

    private static RuntimeException unwrapped(Throwable cause) {
        if (cause instanceof RuntimeException r) return r;
        if (cause instanceof Error e) throw e;
        return new org.w3id.sijill.core.SijillException(org.w3id.sijill.core.SijillException.Kind.ENVIRONMENT, String.valueOf(cause), cause);
    }
}
