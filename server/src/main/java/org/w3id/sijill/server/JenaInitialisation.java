package org.w3id.sijill.server;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.jena.sys.JenaSystem;
import org.apache.lucene.codecs.Codec;
import org.w3id.sijill.core.SijillException;

/**
 * Fuseki's logging set-up and Jena's one-time initialisation (ARQ, RIOT, TDB2, text, SHACL …),
 * started on a second thread at the very beginning of {@code sijill serve}, so that they run while
 * the main thread parses the command line (issue 13, start to first answer); logging comes first
 * because Jena's classes ask for their loggers as they initialise. Then, while the main thread
 * reads the configuration and opens the store, the same thread loads Lucene's codecs, which
 * opening the text index needs. The main thread calls {@link #await()} before it touches any Jena
 * class: Jena marks
 * itself initialised as soon as its initialisation begins, so a second thread that merely called
 * {@code JenaSystem.init()} could go on with a half-initialised Jena.
 *
 * <pre>{@code
 * JenaInitialisation.begin();      // first thing in main, for serve
 * ... parse arguments ...
 * JenaInitialisation.await();      // before the first Jena class
 * }</pre>
 */
public final class JenaInitialisation {
    private static FutureTask<Boolean> running;

    private JenaInitialisation() {}

    /** Starts the initialisation on a daemon thread, once; later calls do nothing. */
    public static synchronized void begin() {
        if (running != null) return;
        FutureTask<Boolean> task = new FutureTask<>(() -> {
            FusekiLogging.setLogging();
            JenaSystem.init();
            return true;
        });
        running = task;
        Thread t = new Thread(() -> {
            task.run();
            // every codec, as opening an index loads them (Lucene's service loader, thread-safe)
            if (!task.isCancelled()) Codec.availableCodecs();
        }, "sijill-jena-init");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for the initialisation {@link #begin()} started; without one, initialises Jena on this
     * thread.
     *
     * @throws SijillException {@code ENVIRONMENT} when Jena cannot be initialised
     */
    public static void await() {
        FutureTask<Boolean> task;
        synchronized (JenaInitialisation.class) {
            task = running;
        }
        if (task == null) {
            JenaSystem.init();
            return;
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot initialise Jena: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "interrupted while Jena was initialised", e);
        }
    }
}
