package org.w3id.sijill.server;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed once per data release (counts, descriptions) instead of once per request: the
 * first {@link #get()} after the served release changed computes it again; every other call
 * returns the kept value. Callers treat the value as read-only.
 *
 * <pre>{@code
 * PerRelease<Map<String, Long>> counts = new PerRelease<>(() -> site.release().id(), queries::classCounts);
 * long laws = counts.get().get(lawClass);
 * }</pre>
 *
 * @param <T> the value
 */
public final class PerRelease<T> {
    private record Kept<T>(Object release, T value) {}

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
        Object now = release.get();
        Kept<T> k = kept;
        if (k != null && k.release().equals(now)) return k.value();
        synchronized (this) {
            k = kept;
            if (k != null && k.release().equals(now)) return k.value();
            T value = compute.get();
            kept = new Kept<>(now, value);
            return value;
        }
    }
}
