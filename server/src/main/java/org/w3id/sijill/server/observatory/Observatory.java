package org.w3id.sijill.server.observatory;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.sijill.server.PerRelease;
import org.w3id.sijill.server.Site;

/**
 * The observatory of one store: its {@link Snapshot} and its commitments, each read on first use
 * and kept until the release served changes (a live reload switches the store under the server;
 * the next use then reads the new release). One per server, shared by the pages and the API
 * ({@link #shared}), so the store is read once per release, not once per module.
 *
 * <pre>{@code
 * Observatory o = Observatory.shared(builder, registry);   // in a FusekiModule's configured()
 * Matrix m = Matrix.of(o.snapshot(), Selection.of(o.snapshot(), params));
 * }</pre>
 */
public final class Observatory {
    /** The builder attribute holding the server's observatory. */
    public static final String ATTRIBUTE = "org.w3id.sijill.server.observatory.Observatory";

    private final PerRelease<Snapshot> snapshot;
    private final java.time.Duration wait;
    private final PerRelease<org.w3id.sijill.server.commitments.Commitments> commitments;

    /** @param dataset a store that does not change while it is served */
    public Observatory(DatasetGraph dataset) {
        this(dataset, () -> "");
    }

    /**
     * @param dataset the store served
     * @param release what identifies the release served now (it changes on a live reload)
     */
    public Observatory(DatasetGraph dataset, Supplier<?> release) {
        this(dataset, release, WAIT);
    }

    /**
     * @param dataset the store served
     * @param release what identifies the release served now (it changes on a live reload)
     * @param wait how long {@link #ready()} waits for a release being read
     */
    public Observatory(DatasetGraph dataset, Supplier<?> release, java.time.Duration wait) {
        Objects.requireNonNull(dataset, "dataset");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.snapshot = new PerRelease<>(release, () -> SnapshotLoader.load(dataset));
        this.commitments = new PerRelease<>(release, () -> org.w3id.sijill.server.commitments.CommitmentsLoader.load(dataset));
    }

    /** @return the server's observatory, made by the first module that asks and kept on the builder */
    public static synchronized Observatory shared(FusekiServer.Builder builder, DataAccessPointRegistry registry) {
        if (builder.getServletAttribute(ATTRIBUTE) instanceof Observatory o) return o;
        Site site = Site.from(builder);
        Observatory o = new Observatory(Site.dataset(registry), () -> site.release().id());
        builder.addServletAttribute(ATTRIBUTE, o);
        return o;
    }

    /**
     * How long a request waits for what a release needs read once (the observatory's snapshot, the
     * landing counts) before it is answered without it: 2 s, or the system property
     * {@code sijill.ready.wait.seconds} (the test suite waits longer, as its small stores are read
     * in well under a second but its machine may be loaded).
     */
    public static final java.time.Duration WAIT = java.time.Duration.ofSeconds(Long.getLong("sijill.ready.wait.seconds", 2));

    /** @return the snapshot of the release served now, read now if it was not yet (waits for it) */
    public Snapshot snapshot() {
        return snapshot.get();
    }

    /**
     * The snapshot for a request: a large release takes a while to read after a start or a switch,
     * and a request is not held that long.
     *
     * @return the snapshot of the release served now
     * @throws SijillException ({@code NOT_READY}) when it is still being read after the wait
     *         (the reading goes on; the answer is 503 with {@code Retry-After})
     */
    public Snapshot ready() {
        return snapshot.within(wait).orElseThrow(() -> new org.w3id.sijill.core.SijillException(
                org.w3id.sijill.core.SijillException.Kind.NOT_READY, "the observatory of this release is still being read after a"
                + " start or a new release; try again in " + org.w3id.sijill.server.http.ErrorPages.RETRY_AFTER_SECONDS + " s"));
    }

    /** @return the treaty, index-score and strategy claims of the release served now */
    public org.w3id.sijill.server.commitments.Commitments commitments() {
        return commitments.get();
    }
}
