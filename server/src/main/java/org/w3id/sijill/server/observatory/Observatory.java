package org.w3id.sijill.server.observatory;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The observatory of one store: its {@link Snapshot}, read on first use and kept (the public
 * store is read-only while the server runs, and HTTP caching is tied to its release).
 *
 * <pre>{@code
 * Observatory o = new Observatory(datasetGraph);
 * Matrix m = Matrix.of(o.snapshot(), Selection.of(o.snapshot(), params));
 * }</pre>
 */
public final class Observatory {
    private final DatasetGraph dataset;
    private volatile Snapshot snapshot;
    private volatile org.w3id.sijill.server.commitments.Commitments commitments;

    /** @param dataset the store */
    public Observatory(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** @return the store's snapshot */
    public Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = SnapshotLoader.load(dataset);
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** @return the store's treaty, index-score and strategy claims (read on first use and kept, like the snapshot) */
    public org.w3id.sijill.server.commitments.Commitments commitments() {
        org.w3id.sijill.server.commitments.Commitments c = commitments;
        if (c == null) {
            synchronized (this) {
                c = commitments;
                if (c == null) {
                    c = org.w3id.sijill.server.commitments.CommitmentsLoader.load(dataset);
                    commitments = c;
                }
            }
        }
        return c;
    }
}
