package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.w3id.sijill.tdb2.Tdb2Store;

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
 * Graph g = SubjectCachingGraph.unionOf(dsg, 50_000, 10_000);      // or new SubjectCachingGraph(graph, 50_000, 10_000)
 * ValidationReport r = ShaclValidator.get().validate(shapes, g);   // inside the read transaction
 * }</pre>
 */
public final class SubjectCachingGraph extends GraphBase {
    /** Stands for a subject with too many triples to cache. */
    private static final List<Triple> TOO_MANY = List.of();

    private final Graph base;
    private final int maxTriples;
    private final BiFunction<Node, Integer, List<Triple>> subjectTriples;
    /** The triples of a concrete predicate and an object or {@code ANY}; null: ask the graph underneath. */
    private final BiFunction<Node, Node, ExtendedIterator<Triple>> predicateTriples;
    private final Cache<Node, List<Triple>> bySubject;

    /**
     * @param base the graph read (and, for a TDB2 graph, its transaction is the caller's)
     * @param subjects how many subjects' triples are kept at most
     * @param maxTriples the most triples a subject may have to be cached
     */
    public SubjectCachingGraph(Graph base, int subjects, int maxTriples) {
        this(base, subjects, maxTriples, (s, max) -> read(base, s, max), null);
    }

    private SubjectCachingGraph(Graph base, int subjects, int maxTriples, BiFunction<Node, Integer, List<Triple>> subjectTriples,
                                BiFunction<Node, Node, ExtendedIterator<Triple>> predicateTriples) {
        this.base = base;
        this.maxTriples = maxTriples;
        this.subjectTriples = subjectTriples;
        this.predicateTriples = predicateTriples;
        this.bySubject = CacheFactory.createCache(subjects);
        getPrefixMapping().setNsPrefixes(base.getPrefixMapping());
    }

    /**
     * The union of the named graphs of {@code dsg}; on a TDB2 store a subject's triples, and the
     * triples of a predicate (a target's look-up), are read on node ids, with the nodes decoded
     * from the node file a small block at a time ({@link Tdb2Store.UnionReader}) instead of
     * through the node table. For one thread, inside the caller's read transaction.
     */
    public static SubjectCachingGraph unionOf(DatasetGraph dsg, int subjects, int maxTriples) {
        Graph union = dsg.getUnionGraph();
        Tdb2Store tdb = Tdb2Store.within(dsg);
        if (tdb == null) return new SubjectCachingGraph(union, subjects, maxTriples);
        Tdb2Store.UnionReader reader = tdb.unionReader();
        return new SubjectCachingGraph(union, subjects, maxTriples, reader::subject, reader::predicate);
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        Node s = m.getSubject();
        if (!s.isConcrete()) {
            Node p = m.getPredicate();
            if (predicateTriples != null && p.isConcrete()) return predicateTriples.apply(p, m.getObject());
            return base.find(m);
        }
        List<Triple> all = bySubject.get(s, k -> {
            List<Triple> triples = subjectTriples.apply(k, maxTriples);
            return triples == null ? TOO_MANY : triples;
        });
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

    /** @return the subject's triples in {@code g}, or {@code null} when it has more than {@code max} */
    private static List<Triple> read(Graph g, Node s, int max) {
        List<Triple> out = new ArrayList<>();
        for (var it = g.find(s, Node.ANY, Node.ANY); it.hasNext(); ) {
            if (out.size() == max) {
                it.close();
                return null;
            }
            out.add(it.next());
        }
        return out;
    }

    @Override
    protected int graphBaseSize() {
        return base.size();
    }
}
