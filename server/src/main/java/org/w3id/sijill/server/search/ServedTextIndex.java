package org.w3id.sijill.server.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.server.Release;
import org.w3id.sijill.server.ServedRelease;

/**
 * The full-text index the server answers from: the {@link ReleaseTextIndex} of the release served
 * now, replaced in the same instant as the data when the server switches to a new release (see
 * {@link TextIndexReloadModule}). Each use holds the index it started on ({@link #lease}, or one
 * {@code text:query} call), and a replaced index is closed only when the last such use has ended.
 * It is the {@link TextIndex} jena-text's {@code text:query} uses at {@code /sparql}; writing
 * through it is refused (releases are immutable).
 *
 * <pre>{@code
 * try (ReleaseBound.Lease<ReleaseTextIndex> lease = served.lease()) {
 *     SearchResults r = lease.get().search().search(request);
 *     page.render(pageRequest, lease.get().labels(), text, r, null);
 * }
 * }</pre>
 */
public final class ServedTextIndex implements TextIndex {
    private final AtomicReference<ReleaseBound<ReleaseTextIndex>> current;
    private final EntityDefinition docDef = SearchIndexDefinition.entityDefinition();

    /** @param first the index of the release served first */
    public ServedTextIndex(ReleaseTextIndex first) {
        this.current = new AtomicReference<>(new ReleaseBound<>(first, ReleaseTextIndex::close));
    }

    /**
     * @return a lease on the index of the release served now; close it when the request is done
     * @throws SijillException {@code ENVIRONMENT} once the server has stopped
     */
    public ReleaseBound.Lease<ReleaseTextIndex> lease() {
        while (true) {
            ReleaseBound<ReleaseTextIndex> b = current.get();
            if (b == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the server is stopping: the text index is closed");
            // empty only when b was retired and closed after we read it: the new one is in place by then
            var lease = b.lease();
            if (lease.isPresent()) return lease.get();
        }
    }

    /** @return the release whose index is served now */
    public Release release() {
        ReleaseBound<ReleaseTextIndex> b = current.get();
        if (b == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the text index is closed");
        return b.value().release();
    }

    /** @return the holder of the index served now (for tests and diagnostics), or {@code null} once closed */
    ReleaseBound<ReleaseTextIndex> bound() { return current.get(); }

    /**
     * @param next the new release's index, already open
     * @return the step that puts it in place, then retires the old one, or gives it up
     */
    public ServedRelease.Step switchTo(ReleaseTextIndex next) {
        return new ServedRelease.Step() {
            private ReleaseBound<ReleaseTextIndex> replaced;

            @Override
            public void apply() {
                replaced = current.getAndUpdate(b -> b == null ? null : new ReleaseBound<>(next, ReleaseTextIndex::close));
            }

            @Override
            public void afterSwitch() {
                // closing may touch the disk: done once requests run again, and only when the last one using it ends
                if (replaced == null) {
                    next.close();  // the server stopped meanwhile: nothing serves the new index
                } else {
                    replaced.retire();
                }
            }

            @Override
            public void discard() {
                next.close();
            }
        };
    }

    /** Retires the index served now; it closes when the requests using it have finished. */
    @Override
    public void close() {
        ReleaseBound<ReleaseTextIndex> b = current.getAndSet(null);
        if (b != null) b.retire();
    }

    private <R> R read(Function<ReleaseTextIndex, R> f) {
        try (ReleaseBound.Lease<ReleaseTextIndex> lease = lease()) {
            return f.apply(lease.get());
        }
    }

    private static SijillException readOnly() {
        return new SijillException(SijillException.Kind.FORBIDDEN, "the served text index is read-only: a release's index is written by 'sijill build'");
    }

    @Override public void prepareCommit() { /* nothing is ever written here, so there is nothing to prepare */ }
    @Override public void commit() { /* nothing is ever written here, so there is nothing to commit */ }
    @Override public void rollback() { /* nothing is ever written here, so there is nothing to undo */ }
    @Override public void addEntity(Entity entity) { throw readOnly(); }
    @Override public void updateEntity(Entity entity) { throw readOnly(); }
    @Override public void deleteEntity(Entity entity) { throw readOnly(); }

    @Override
    public Map<String, Node> get(String uri) {
        return read(i -> i.lucene().get(uri));
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
        return read(i -> i.lucene().query(property, qs, graphURI, lang, limit));
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
        return read(i -> i.lucene().query(property, qs, graphURI, lang));
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return read(i -> i.lucene().query(property, qs, graphURI, lang, limit, highlight));
    }

    @Override
    public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return read(i -> i.lucene().query(props, qs, graphURI, lang, limit, highlight));
    }

    @Override
    public List<TextHit> query(String uri, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return read(i -> i.lucene().query(uri, props, qs, graphURI, lang, limit, highlight));
    }

    @Override
    public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return read(i -> i.lucene().query(subj, props, qs, graphURI, lang, limit, highlight));
    }

    @Override
    public List<TextHit> query(String uri, Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return read(i -> i.lucene().query(uri, property, qs, graphURI, lang, limit, highlight));
    }

    @Override
    public EntityDefinition getDocDef() {
        return docDef;
    }
}
