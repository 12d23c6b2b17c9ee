package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only view of a graph that answers every look-up with a known subject from the subject's
 * triples, read once from the graph underneath and kept in a bounded cache; look-ups without a
 * subject go to the graph underneath. It is the same graph (every {@code find} gives the same
 * triples), made for a reader that asks many questions about one node before the next, as SHACL
 * validation does: each focus node's values are looked up once per constraint (thirty and more
 * times for a provenance statement), and on a TDB2 union graph each look-up is a B+tree descent
 * with the triples' nodes decoded, where here the second and later ones are a list filtered in
 * memory. The cache holds at most {@code subjects} subjects; a subject with more than
 * {@code maxTriples} triples is not cached (its look-ups go underneath), so the memory is bounded
 * whatever the data.
 *
 * <pre>{@code
 * Graph g = new SubjectCachingGraph(dsg.getUnionGraph(), 100_000, 4_096);
 * ValidationReport r = ShaclValidator.get().validate(shapes, g);   // inside the read transaction
 * }</pre>
 */
public final class SubjectCachingGraph extends GraphBase {
    /** Stands for a subject with too many triples to cache. */
    private static final List<Triple> TOO_MANY = List.of();

    private final Graph base;
    private final int maxTriples;
    private final Cache<Node, List<Triple>> bySubject;

    /**
     * @param base the graph read (and, for a TDB2 graph, its transaction is the caller's)
     * @param subjects how many subjects' triples are kept at most
     * @param maxTriples the most triples a subject may have to be cached
     */
    public SubjectCachingGraph(Graph base, int subjects, int maxTriples) {
        this.base = base;
        this.maxTriples = maxTriples;
        this.bySubject = CacheFactory.createCache(subjects);
        getPrefixMapping().setNsPrefixes(base.getPrefixMapping());
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        Node s = m.getSubject();
        if (!s.isConcrete()) return base.find(m);
        List<Triple> all = bySubject.get(s, this::read);
        if (all == TOO_MANY) return base.find(m);
        Node p = m.getPredicate();
        Node o = m.getObject();
        if (!p.isConcrete() && !o.isConcrete()) return WrappedIterator.create(all.iterator());
        List<Triple> out = new ArrayList<>();
        for (Triple t : all) {
            if ((!p.isConcrete() || p.equals(t.getPredicate())) && (!o.isConcrete() || o.sameTermAs(t.getObject()))) out.add(t);
        }
        return WrappedIterator.create(out.iterator());
    }

    private List<Triple> read(Node s) {
        List<Triple> out = new ArrayList<>();
        for (var it = base.find(s, Node.ANY, Node.ANY); it.hasNext(); ) {
            out.add(it.next());
            if (out.size() > maxTriples) {
                it.close();
                return TOO_MANY;
            }
        }
        return out;
    }

    @Override
    protected int graphBaseSize() {
        return base.size();
    }
}
