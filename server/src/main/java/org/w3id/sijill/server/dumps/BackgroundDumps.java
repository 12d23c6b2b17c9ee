package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.Dumps;
import org.w3id.sijill.dump.Release;
import org.w3id.sijill.server.http.ErrorPages;

/**
 * Writes missing or stale dumps in the background, so the port opens at once whatever the store's
 * size: dumps the folder already holds for the served release (the build writes them into the
 * release) are ready at once, at start and after a live switch; only a release whose dumps are
 * not written yet answers {@code 503} with {@code Retry-After} for {@code /dumps/...} and the
 * dataset description until its dumps are published (the writer publishes the folder in one move,
 * so a reader never sees half of it).
 *
 * <pre>{@code
 * BackgroundDumps dumps = new BackgroundDumps(dumpsDir, settings);
 * dumps.schedule(store, releaseFolder, () -> site.release().id());   // at start and after each switch
 * if (dumps.refuseWhileWriting(request, response, catalog.find())) return;   // in a servlet
 * }</pre>
 */
public final class BackgroundDumps {
    /** Seconds a client is asked to wait for a dump being written. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDumps.class);

    private final Path dumpsDir;
    private final DumpSettings settings;
    /** The release whose dumps are being written, or null when none is. */
    private final AtomicReference<String> writing = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sijill-dumps");
        t.setDaemon(true);
        return t;
    });

    /** @param dumpsDir the dumps folder, @param settings what the dumps say of licence and sources */
    public BackgroundDumps(Path dumpsDir, DumpSettings settings) {
        this.dumpsDir = dumpsDir;
        this.settings = settings;
    }

    /**
     * Marks the dumps of the release in {@code folder} ready when the dumps folder holds them, else
     * as being written and writes them on the background thread.
     *
     * @param store    the store served
     * @param folder   the folder of the release served (its {@code release.properties})
     * @param served   the id of the release served when the writer gets its turn (a write for a
     *                 release no longer served is skipped)
     */
    public void schedule(DatasetGraph store, Path folder, Supplier<String> served) {
        Release release = Release.read(folder);
        if (isCurrent(release.id())) {
            writing.set(null);
            return;
        }
        writing.set(release.id());
        writer.execute(() -> {
            try {
                if (release.id().equals(served.get())) {
                    long t0 = System.nanoTime();
                    Dumps.ensureCurrent(store, folder, dumpsDir, settings);
                    LOG.info("dumps of release {} written in {} s", release.id(), (System.nanoTime() - t0) / 1_000_000_000L);
                }
            } catch (RuntimeException e) {
                // no caller to hand it to on this thread: the operator reads it in the log, clients get 404 (no dumps)
                LOG.error("writing the dumps of release {} failed: {}", release.id(), e.getMessage(), e);
            } finally {
                writing.compareAndSet(release.id(), null);
            }
        });
    }

    private boolean isCurrent(String releaseId) {
        Optional<DumpCatalog> c = DumpCatalog.readIfPresent(dumpsDir);
        return c.isPresent() && c.get().release().equals(releaseId);
    }

    /** @return the id of the release whose dumps are being written, if any */
    public Optional<String> writing() {
        return Optional.ofNullable(writing.get());
    }

    /**
     * Answers {@code 503} with {@code Retry-After} when the dumps of the served release are being
     * written and the folder does not hold them yet.
     *
     * @param catalog the folder's catalog, if it has one
     * @return true when the 503 was sent
     */
    public boolean refuseWhileWriting(HttpServletRequest request, HttpServletResponse response, Optional<DumpCatalog> catalog) throws IOException {
        String w = writing.get();
        if (w == null || catalog.map(c -> c.release().equals(w)).orElse(false)) return false;
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        ErrorPages.send(request, response, 503, "the dumps of release " + w + " are being written; try again in " + RETRY_AFTER_SECONDS + " s");
        return true;
    }

    /** Stops the background writer (a write under way is interrupted). */
    public void close() {
        writer.shutdownNow();
    }
}
