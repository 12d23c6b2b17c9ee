package org.w3id.sijill.server;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed once, by the first {@link #get()} that needs it, instead of while the server
 * starts: what a module reads from the store or builds for its pages is asked for by the first
 * request that uses it, or by a warm-up thread started once the port is open
 * ({@code serverAfterStarting}), whichever comes first; every later call returns the kept value.
 * A failed computation is not kept: the next call tries again and meets the same error.
 *
 * <pre>{@code
 * OnFirstUse<Model> ontology = new OnFirstUse<>(queries::ontology);
 * // configured(...): nothing read yet; first page or warm-up:
 * Model m = ontology.get();
 * }</pre>
 *
 * @param <T> the value
 */
public final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    /** @param compute computes the value (called at most once successfully) */
    public OnFirstUse(Supplier<T> compute) {
        this.compute = Objects.requireNonNull(compute);
    }

    /** @return the value, computed now if no call computed it yet */
    @Override
    public T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) value = Objects.requireNonNull(compute.get(), "computed value");
            return value;
        }
    }
}
