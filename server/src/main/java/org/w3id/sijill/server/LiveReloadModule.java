package org.w3id.sijill.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.release.ReleaseLayout;

/**
 * Live reload: when the store path is a release link ({@code var/store -> releases/{id}}) the
 * server looks at the link's target every {@code interval} and, when a build has flipped it to a
 * new release, switches to that release without a restart and without failing a request.
 *
 * <p>How: the dataset Fuseki and every module hold is TDB2's {@link DatasetGraphSwitchable} (the
 * container TDB2 itself switches under a running server when it compacts). The module opens the
 * new release's storage, enters the container's exclusive mode — which waits until the
 * transactions in flight (each request runs in one read transaction) have finished and holds new
 * ones at {@code begin} — swaps the storage, and leaves exclusive mode; held requests then run on
 * the new release. What {@linkplain ServedRelease#follow follows} the release (the full-text index
 * of the new release folder) is opened before and put in place within the same held moment; a
 * release it cannot follow (no text index) is not switched to, and the server keeps the old one.
 * Every request therefore sees one release from start to end. The old storage is
 * then closed and its folder no longer marked in use, so a later build may prune it. ETags,
 * {@code Last-Modified}, the landing page and {@code /dumps/} follow {@link Site#release()} and
 * the link. A plain store folder (no link) is served as it is, without watching.
 *
 * <pre>{@code
 * SijillServer.builder()...reloadInterval(Duration.ofSeconds(1)).build();   // LiveReloadModule is a core module
 * }</pre>
 */
public final class LiveReloadModule implements FusekiModule {

    /** How often the link is looked at unless configured. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LiveReloadModule.class);

    private final Duration interval;
    private Site site;
    private ReleaseLayout layout;
    private DatasetGraphSwitchable served;
    private Path servedFolder;
    private ScheduledExecutorService poller;
    /** The longest pause before a release that failed is tried again. */
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);
    private volatile Failing failing;

    public LiveReloadModule(Duration interval) {
        this.interval = interval;
    }

    @Override
    public String name() { return "Sijill live reload"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site s = Site.from(builder);
        ReleaseLayout l = ReleaseLayout.of(s.store());
        if (!l.isLink()) return;  // a plain store folder: nothing to follow
        DatasetGraphSwitchable sw = switchable(Site.dataset(registry));
        if (sw == null) {
            LOG.warn("live reload is off: the dataset of {} is not a TDB2 dataset", Site.DATASET_NAME);
            return;
        }
        this.site = s;
        this.layout = l;
        this.served = sw;
        this.servedFolder = s.served().folder();
    }

    /** The TDB2 container, found through wrappers (e.g. a text-indexed dataset around it), or {@code null}. */
    static DatasetGraphSwitchable switchable(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        for (int depth = 0; d != null && depth < 10; depth++) {
            if (d instanceof DatasetGraphSwitchable sw) return sw;
            if (!(d instanceof DatasetGraphWrapper w)) return null;
            d = w.getWrapped();
        }
        return null;
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        if (served == null) return;
        layout.markInUse(servedFolder);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sijill-live-reload");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void serverStopped(FusekiServer server) {
        if (poller == null) return;
        poller.shutdownNow();
        try {
            poller.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        layout.unmarkInUse(servedFolder);
    }

    private void checkQuietly() {
        Optional<Path> target = layout.current();
        Failing last = failing;
        if (last != null && target.equals(Optional.of(last.folder())) && System.nanoTime() < last.nextTry()) return;
        try {
            check();
            failing = null;
        } catch (RuntimeException e) {
            // the server keeps answering from the release it has; the same release is tried again
            // after a doubling pause (at most BACKOFF_MAX), another one as soon as the link moves
            Path folder = target.orElse(layout.link());
            boolean again = last != null && last.folder().equals(folder);
            int attempts = again ? last.attempts() + 1 : 1;
            long pause = Math.min(BACKOFF_MAX.toNanos(), interval.toNanos() << Math.min(attempts, 20));
            failing = new Failing(folder, attempts, System.nanoTime() + pause);
            if (!again) {
                LOG.warn("live reload: cannot switch to the release at {}: {} (tried again after a growing pause, at most every {} s)",
                        layout.link(), e.getMessage(), BACKOFF_MAX.toSeconds());
            } else {
                LOG.debug("live reload: attempt {} at {} failed again: {}", attempts, folder, e.getMessage());
            }
        }
    }

    /** @return how many times in a row the release at the link failed to be switched to (0: none is failing) */
    int failedAttempts() {
        Failing f = failing;
        return f == null ? 0 : f.attempts();
    }

    /** A release folder that could not be switched to, and when it is tried again. */
    private record Failing(Path folder, int attempts, long nextTry) {}

    /** Switches to the link's release when it is another one than the served one. @return whether it switched */
    synchronized boolean check() {
        Optional<Path> target = layout.current();
        if (target.isEmpty() || target.get().equals(servedFolder)) return false;
        Path next = target.get();
        if (!Files.isRegularFile(next.resolve(Release.FILE))) return false;
        Release release = Release.read(next);
        layout.markInUse(next);
        DatasetGraph storage;
        List<ServedRelease.Step> steps;
        try {
            DatasetGraph opened = DatabaseMgr.connectDatasetGraph(next.toString());
            storage = opened instanceof DatasetGraphSwitchable sw ? sw.get() : opened;
            // what follows the release (the text index) is opened now, while the old release is served
            steps = site.served().prepare(release, next, storage);
        } catch (RuntimeException e) {
            layout.unmarkInUse(next);
            DatabaseConnection.internalExpel(Location.create(next.toString()), false);
            throw e;
        }
        DatasetGraph old;
        served.startExclusiveMode();  // waits for the transactions in flight; holds new ones
        try {
            old = served.set(storage);
            for (ServedRelease.Step s : steps) s.apply();
        } finally {
            served.finishExclusiveMode();
        }
        for (ServedRelease.Step s : steps) s.afterSwitch();
        Path previous = servedFolder;
        servedFolder = next;
        site.served().switchedTo(release, next);
        LOG.info("live reload: now serving release {} ({})", release.id(), next);
        if (old instanceof DatasetGraphTDB tdb) StoreConnection.release(tdb.getLocation());
        DatabaseConnection.internalExpel(Location.create(previous.toString()), false);
        layout.unmarkInUse(previous);
        return true;
    }
}
