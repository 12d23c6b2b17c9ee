package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3id.sijill.core.SijillException;

/**
 * Independent, read-only parts of one build stage run on a few threads, each reported with its
 * own time ({@link ProgressListener#partDone}). Once a part has failed (or the caller gave up),
 * parts not yet started are skipped; {@link #close} waits for the running ones, so nothing
 * touches the build folder after the stage is left. The failure thrown is that of the earliest
 * submitted part that failed, as a sequential run in submission order would have thrown it.
 *
 * <pre>{@code
 * try (ConcurrentStage parts = new ConcurrentStage(2, progress)) {
 *     Future<Outcome> checked = parts.submit("validating", () -> validate(store));
 *     parts.submit("text index", () -> TextIndexBuilder.build(store, dir));
 *     Outcome o = parts.get(checked);
 *     parts.await();
 * }
 * }</pre>
 */
final class ConcurrentStage implements AutoCloseable {
    private final ExecutorService pool;
    private final ProgressListener progress;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final List<Future<?>> parts = new ArrayList<>();

    ConcurrentStage(int threads, ProgressListener progress) {
        if (threads < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "at least one build thread, got " + threads);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sijill-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.progress = progress;
    }

    /** Queues a part; it runs on the next free thread, in submission order, unless a part failed before it started. */
    <T> Future<T> submit(String name, Callable<T> part) {
        Future<T> f = pool.submit(() -> {
            if (failed.get()) throw new Skipped();
            return timed(name, part);
        });
        parts.add(f);
        return f;
    }

    /** Runs a part on the calling thread, timed and reported like the others. */
    <T> T run(String name, Callable<T> part) {
        try {
            return timed(name, part);
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    private <T> T timed(String name, Callable<T> part) throws Exception {
        long t0 = System.nanoTime();
        try {
            T result = part.call();
            progress.partDone(name, (System.nanoTime() - t0) / 1_000_000);
            return result;
        } catch (Throwable e) {
            failed.set(true);
            throw e;
        }
    }

    /** @return the result of {@code part}, waiting for it; its failure is thrown as it was (unwrapped) */
    <T> T get(Future<T> part) {
        try {
            return uninterruptibly(part);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Skipped) throw firstFailure();
            throw unchecked(e.getCause());
        }
    }

    /** Waits for every part; throws the failure of the earliest submitted part that failed, if any. */
    void await() {
        for (Future<?> f : parts) {
            try {
                uninterruptibly(f);
            } catch (ExecutionException e) {
                failed.set(true);
            }
        }
        if (failed.get()) throw firstFailure();
    }

    /** Skips the parts not started yet, waits for the running ones, and stops the threads. Throws nothing. */
    @Override
    public void close() {
        failed.compareAndSet(false, !allDone());
        for (Future<?> f : parts) {
            try {
                uninterruptibly(f);
            } catch (ExecutionException e) {
                // reported by get() or await(), or by the caller's own failure that left the stage early
                failed.set(true);
            }
        }
        pool.shutdown();
    }

    private boolean allDone() {
        return parts.stream().allMatch(Future::isDone);
    }

    /** @return the failure of the earliest submitted part that failed (all parts done), the others suppressed in it */
    private RuntimeException firstFailure() {
        RuntimeException first = null;
        for (Future<?> f : parts) {
            Throwable cause;
            try {
                uninterruptibly(f);
                continue;
            } catch (ExecutionException e) {
                cause = e.getCause();
            }
            if (cause instanceof Skipped) continue;
            if (first == null) first = unchecked(cause);
            else if (first != cause) first.addSuppressed(cause);
        }
        if (first == null) throw new IllegalStateException("a build part failed but none has a failure");
        return first;
    }

    private static <T> T uninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException r) return r;
        if (e instanceof Error err) throw err;
        return new SijillException(SijillException.Kind.ENVIRONMENT, "build part failed: " + e, e);
    }

    /** Thrown by a part that did not run because another failed first. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super("skipped: another part of the stage failed", null, false, false);
        }
    }
}
