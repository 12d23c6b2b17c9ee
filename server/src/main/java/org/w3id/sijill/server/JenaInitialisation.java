package org.w3id.sijill.server;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.sys.JenaSystem;
import org.w3id.sijill.core.SijillException;

/**
 * Jena's one-time initialisation (ARQ, RIOT, TDB2, text, SHACL …: about half a second of class
 * loading) started on a second thread at the very beginning of {@code sijill serve}, so that it runs
 * while the main thread parses the command line and sets up logging (issue 13, start to first
 * answer). The main thread calls {@link #await()} before it touches any Jena class: Jena marks
 * itself initialised as soon as its initialisation begins, so a second thread that merely called
 * {@code JenaSystem.init()} could go on with a half-initialised Jena.
 *
 * <pre>{@code
 * JenaInitialisation.begin();      // first thing in main, for serve
 * ... parse arguments, FusekiLogging.setLogging() ...
 * JenaInitialisation.await();      // before the first Jena class
 * }</pre>
 */
public final class JenaInitialisation {
    private static FutureTask<Boolean> running;

    private JenaInitialisation() {}

    /** Starts the initialisation on a daemon thread, once; later calls do nothing. */
    public static synchronized void begin() {
        if (running != null) return;
        running = new FutureTask<>(() -> {
            JenaSystem.init();
            return true;
        });
        Thread t = new Thread(running, "sijill-jena-init");
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
