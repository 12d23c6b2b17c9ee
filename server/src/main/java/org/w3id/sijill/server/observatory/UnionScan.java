package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.w3id.sijill.tdb2.Tdb2Store;

/**
 * The triples of one predicate in the union of a store's named graphs, read in one range scan of
 * its predicate-first index rather than one index lookup per row of a join. In a TDB2 store the
 * subjects and objects are handed out as node ids, and a node is decoded only when the caller keeps
 * it (a block of the node file at a time, {@link Tdb2Store}); any other dataset is read through
 * {@code findNG}, its nodes being their own keys. A triple held in several graphs is reported once
 * per graph: {@link #values} keeps each value once, as the union graph does. The caller holds a read transaction.
 *
 * <pre>{@code
 * UnionScan<?> scan = UnionScan.of(dsg);
 * Map<?, List<?>> topics = scan.values(topicPredicate, null);   // every subject's topics
 * }</pre>
 *
 * @param <K> a node as the store keeps it (a TDB2 node id, or the node itself)
 */
abstract sealed class UnionScan<K> permits UnionScan.Tdb2, UnionScan.Nodes {

    /** @return a scan of the TDB2 store inside {@code ds} (under any wrappers), or of {@code ds} itself */
    static UnionScan<?> of(DatasetGraph ds) {
        Tdb2Store tdb = Tdb2Store.within(ds);
        return tdb == null ? new Nodes(ds) : new Tdb2(tdb);
    }

    /**
     * Hands each (subject, object) of {@code predicate} in the named graphs to {@code sink}, once per
     * graph that holds it.
     *
     * @param object the object the triples must have, or {@code null} for any
     */
    abstract void forEach(Node predicate, Node object, BiConsumer<K, K> sink);

    /** @return the node of a key */
    abstract Node node(K key);

    /**
     * Decodes many keys at once, handing each key and its node to {@code sink}: a TDB2 store reads
     * them in the order of its node file, a block at a time.
     */
    abstract void decode(List<K> keys, BiConsumer<K, Node> sink);

    /** @return whether two keys are the same node */
    abstract boolean same(K a, K b);

    /** @return whether the node of a key may be a subject (a literal may not; TDB2 keeps small ones inline) */
    abstract boolean maySubject(K key);

    /** @return the values of {@code byOwner}, each once, that may be subjects of triples */
    final Set<K> subjectsAmong(Map<K, List<K>> byOwner) {
        Set<K> out = new java.util.HashSet<>();
        for (List<K> vs : byOwner.values()) for (K v : vs) if (maySubject(v)) out.add(v);
        return out;
    }

    /** @return the subjects with {@code predicate} {@code object}, each once, in the order of the index */
    final List<K> subjects(Node predicate, Node object) {
        Map<K, Boolean> seen = new LinkedHashMap<>();
        forEach(predicate, object, (s, o) -> seen.put(s, Boolean.TRUE));
        return new ArrayList<>(seen.keySet());
    }

    /**
     * @param subjects the subjects wanted, or {@code null} for all
     * @return the objects of {@code predicate} of each subject, each once, in the order of the index
     */
    final Map<K, List<K>> values(Node predicate, Set<K> subjects) {
        Map<K, List<K>> out = new HashMap<>();
        forEach(predicate, null, (s, o) -> {
            if (subjects != null && !subjects.contains(s)) return;
            List<K> os = out.computeIfAbsent(s, k -> new ArrayList<>(1));
            for (K had : os) if (same(had, o)) return;
            os.add(o);
        });
        return out;
    }

    /** A TDB2 store, read as node ids through its quad table's indexes (the union graph is its named graphs). */
    static final class Tdb2 extends UnionScan<NodeId> {
        private final Tdb2Store store;

        Tdb2(Tdb2Store store) {
            this.store = store;
        }

        @Override
        void forEach(Node predicate, Node object, BiConsumer<NodeId, NodeId> sink) {
            // quads in G, S, P, O order; with the predicate (and object) fixed, TDB2 reads its POSG index
            Iterator<Tuple<NodeId>> it = store.find(Node.ANY, Node.ANY, predicate, object == null ? Node.ANY : object);
            try {
                while (it.hasNext()) {
                    Tuple<NodeId> t = it.next();
                    sink.accept(t.get(1), t.get(3));
                }
            } finally {
                Iter.close(it);
            }
        }

        @Override
        Node node(NodeId key) {
            return store.node(key);
        }

        @Override
        void decode(List<NodeId> keys, BiConsumer<NodeId, Node> sink) {
            store.decode(keys, sink);
        }

        @Override
        boolean maySubject(NodeId key) {
            return !key.isInline();
        }

        @Override
        boolean same(NodeId a, NodeId b) {
            return Tdb2Store.same(a, b);
        }
    }

    /** Any other dataset: its quads through {@code findNG}, each node its own key. */
    static final class Nodes extends UnionScan<Node> {
        private final DatasetGraph ds;

        Nodes(DatasetGraph ds) {
            this.ds = ds;
        }

        @Override
        void forEach(Node predicate, Node object, BiConsumer<Node, Node> sink) {
            Iterator<Quad> it = ds.findNG(Node.ANY, Node.ANY, predicate, object == null ? Node.ANY : object);
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    sink.accept(q.getSubject(), q.getObject());
                }
            } finally {
                Iter.close(it);
            }
        }

        @Override
        Node node(Node key) {
            return key;
        }

        @Override
        void decode(List<Node> keys, BiConsumer<Node, Node> sink) {
            for (Node k : keys) sink.accept(k, k);
        }

        @Override
        boolean maySubject(Node key) {
            return !key.isLiteral();
        }

        @Override
        boolean same(Node a, Node b) {
            return a.equals(b);
        }
    }
}
