package org.w3id.sijill.tdb2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.apache.jena.util.iterator.NullIterator;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.w3id.sijill.core.SijillException;

/**
 * The quads of a TDB2 store read as node ids, and those nodes decoded only when wanted, many at a
 * time: a scan of a quad index hands out node ids (numbers and dates are inline: their value is in
 * the id), which can be counted, joined and compared without touching the node file; the nodes
 * kept are then decoded in the order of the node file, a 64 kB block at a time
 * ({@link #decode}, {@link Reader}), instead of through the node table, whose reader asks the file
 * for each few bytes the decoder needs. The caller holds a read transaction.
 *
 * <pre>{@code
 * Tdb2Store tdb = Tdb2Store.within(dsg);                        // null when dsg holds no TDB2 store
 * Iterator<Tuple<NodeId>> it = tdb.find(Node.ANY, Node.ANY, RDF.Nodes.type, Node.ANY);   // (g, s, p, o), POSG order
 * tdb.decode(classIds, (id, node) -> names.put(id, node));
 * }</pre>
 */
public final class Tdb2Store {
    private final NodeTupleTable quads;
    private final NodeTable nodes;

    private Tdb2Store(NodeTupleTable quads) {
        this.quads = quads;
        this.nodes = quads.getNodeTable();
    }

    /** @return the TDB2 store inside {@code ds} (under any wrappers, e.g. a text index), or {@code null} when there is none */
    public static Tdb2Store within(DatasetGraph ds) {
        DatasetGraph d = ds;
        while (!TDBInternal.isTDB2(d) && d instanceof DatasetGraphWrapper w) d = w.getWrapped();
        DatasetGraphTDB tdb = TDBInternal.isTDB2(d) ? TDBInternal.getDatasetGraphTDB(d) : null;
        return tdb == null ? null : new Tdb2Store(tdb.getQuadTable().getNodeTupleTable());
    }

    /** @return the store's quad table (its named graphs), read as node ids */
    public NodeTupleTable quads() {
        return quads;
    }

    /**
     * @param graph     the graph, or {@code Node.ANY} for any
     * @param subject   the subject, or {@code Node.ANY}
     * @param predicate the predicate, or {@code Node.ANY}
     * @param object    the object, or {@code Node.ANY}
     * @return the quads of the named graphs matching it, as (graph, subject, predicate, object)
     *         node ids, in the order of the index TDB2 picks for the pattern (POSG when only the
     *         predicate, or the predicate and object, are fixed)
     */
    public Iterator<Tuple<NodeId>> find(Node graph, Node subject, Node predicate, Node object) {
        return quads.findAsNodeIds(graph, subject, predicate, object);
    }

    /**
     * @param name an index of the quad table, e.g. {@code "SPOG"}
     * @return its quads as (graph, subject, predicate, object) node ids in the index's order, or
     *         {@code null} when the store has no such index
     */
    public Iterator<Tuple<NodeId>> index(String name) {
        TupleIndex index = quads.getTupleTable().selectIndex(name);
        return index == null || !index.getName().equals(name) ? null : index.all();
    }

    /** @return the node id of {@code node}, or {@link NodeId#NodeDoesNotExist} when the store does not hold it */
    public NodeId id(Node node) {
        return nodes.getNodeIdForNode(node);
    }

    /** @return the node of one id, through the store's node table */
    public Node node(NodeId id) {
        return nodes.getNodeForNodeId(id);
    }

    /**
     * @return for each object of {@code predicate} in the union of the named graphs that is not
     *         inline (an IRI, a blank node or a long literal), how many distinct subjects have it:
     *         one range scan of the POSG index on node ids (a subject's copies in several graphs
     *         are adjacent there), and only the objects decoded
     */
    public Map<Node, Long> subjectsPerObject(Node predicate) {
        Map<NodeId, long[]> perObject = new HashMap<>();
        Iterator<Tuple<NodeId>> it = find(Node.ANY, Node.ANY, predicate, Node.ANY);
        NodeId s0 = null;
        NodeId o0 = null;
        try {
            while (it.hasNext()) {
                Tuple<NodeId> t = it.next();
                NodeId s = t.get(1);
                NodeId o = t.get(3);
                // an inline node's hash and equality ignore its type: only pointers are kept
                if (o.isInline() || (same(s, s0) && same(o, o0))) continue;
                s0 = s;
                o0 = o;
                perObject.computeIfAbsent(o, k -> new long[1])[0]++;
            }
        } finally {
            Iter.close(it);
        }
        Map<Node, Long> out = new HashMap<>();
        decode(perObject.keySet(), (id, node) -> out.merge(node, perObject.get(id)[0], Long::sum));
        return out;
    }

    /**
     * @return how many distinct triples the union of the named graphs holds: one pass over the
     *         SPOG index on node ids, where a triple's copies in several graphs are adjacent, so
     *         nothing is decoded and nothing kept (a {@code COUNT} of {@code DISTINCT ?s ?p ?o}
     *         holds every triple in memory: gigabytes at 10^7 quads)
     * @throws IllegalStateException when the store has no SPOG index
     */
    public long unionTriples() {
        Iterator<Tuple<NodeId>> it = index("SPOG");
        if (it == null) throw new IllegalStateException("the TDB2 store has no SPOG index");
        WithoutCopies triples = new WithoutCopies(it);
        long n = 0;
        try {
            for (; triples.hasNext(); triples.next()) n++;
        } finally {
            triples.close();
        }
        return n;
    }

    /** @return whether two node ids are the same node ({@code NodeId.equals} compares the value bits only: an inline 956 equals the pointer 956) */
    public static boolean same(NodeId a, NodeId b) {
        return a == b || (a != null && b != null && a.type() == b.type() && a.equals(b));
    }

    /** @return a reader of nodes a block at a time, for one thread */
    public Reader reader() {
        return new Reader();
    }

    /** @return a reader of the union of the named graphs for many small questions, for one thread (see {@link UnionReader}) */
    public UnionReader unionReader() {
        return new UnionReader();
    }

    /**
     * Decodes many node ids at once, handing each id and its node to {@code sink}: inline ids
     * first, then the others in the order of the node file.
     */
    public void decode(Collection<NodeId> ids, BiConsumer<NodeId, Node> sink) {
        List<NodeId> pointers = new ArrayList<>(ids.size());
        Reader reader = reader();
        for (NodeId k : ids) {
            if (k.isPtr()) pointers.add(k);
            else sink.accept(k, reader.node(k));
        }
        pointers.sort(Comparator.comparingLong(NodeId::getPtrLocation));
        for (NodeId k : pointers) sink.accept(k, reader.node(k));
    }

    /**
     * Decodes node ids one at a time through a block of the node file: fastest when the ids come
     * in ascending order (a subject-first index hands out its subjects so), each block then read
     * once. Not for use by several threads.
     */
    public final class Reader {
        private final NodeFile in;
        private final TProtocol protocol;

        private Reader() {
            this(NodeFile.BLOCK);
        }

        private Reader(int block) {
            if (nodes.baseNodeTable() instanceof NodeTableTRDF file) {
                in = new NodeFile(file.getData(), file, block);
                protocol = TRDF.protocol(in);
            } else {
                in = null;
                protocol = null;
            }
        }

        /** @return the node of {@code id} */
        public Node node(NodeId id) {
            if (!id.isPtr() || in == null) return nodes.getNodeForNodeId(id);
            in.seek(id.getPtrLocation());
            RDF_Term term = new RDF_Term();
            try {
                term.read(protocol);
            } catch (TException e) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "the store's node file could not be read: " + e.getMessage(), e);
            }
            return ThriftConvert.convert(term);
        }
    }

    /**
     * The union of the named graphs read on node ids for a reader that asks many small questions
     * one after another (SHACL validation): a subject's triples ({@link #subject}: one range scan
     * of the SPOG index, where a triple's copies in several graphs are adjacent) and the triples
     * of a predicate ({@link #predicate}: one range scan of POSG), each triple once however many
     * graphs hold it, with their nodes decoded from small blocks of the node file instead of
     * through the node table (whose reads of a few bytes at a time, under a lock the dump writers
     * share, made most of the validation's time at 10^5 synthetic rows). The nodes seen last are
     * kept both ways, so a node read here and asked about next is neither decoded nor looked up
     * again. It answers what {@code union.find(...)} answers. Not for use by several threads.
     */
    public final class UnionReader {
        private static final int BLOCK = 4096;
        private static final int KEPT = 200_000;
        private final Reader reader = new Reader(BLOCK);
        private final Cache<Long, Node> byPointer = CacheFactory.createCache(KEPT);
        private final Cache<Node, NodeId> ids = CacheFactory.createCache(KEPT);

        private UnionReader() {}

        /**
         * @param subject a concrete node
         * @param max the most triples wanted
         * @return the subject's triples, or {@code null} when it has more than {@code max}
         */
        public List<Triple> subject(Node subject, int max) {
            NodeId s = idOf(subject);
            List<Triple> out = new ArrayList<>();
            if (NodeId.isDoesNotExist(s)) return out;
            WithoutCopies it = new WithoutCopies(quads.getTupleTable().find(TupleFactory.tuple(NodeId.NodeIdAny, s, NodeId.NodeIdAny, NodeId.NodeIdAny)));
            try {
                while (it.hasNext()) {
                    Tuple<NodeId> q = it.next();
                    if (out.size() == max) return null;
                    out.add(Triple.create(subject, node(q.get(2)), node(q.get(3))));
                }
            } finally {
                it.close();
            }
            return out;
        }

        /**
         * @param predicate a concrete node
         * @param object a concrete node, or {@code Node.ANY}
         * @return the triples of the predicate (with that object), in the order of the POSG index,
         *         read as they are taken
         */
        public ExtendedIterator<Triple> predicate(Node predicate, Node object) {
            NodeId p = idOf(predicate);
            NodeId o = object.isConcrete() ? idOf(object) : NodeId.NodeIdAny;
            if (NodeId.isDoesNotExist(p) || NodeId.isDoesNotExist(o)) return NullIterator.instance();
            return new WithoutCopies(quads.getTupleTable().find(TupleFactory.tuple(NodeId.NodeIdAny, NodeId.NodeIdAny, p, o)))
                    .mapWith(q -> Triple.create(node(q.get(1)), predicate, object.isConcrete() ? object : node(q.get(3))));
        }

        private NodeId idOf(Node n) {
            NodeId id = ids.getIfPresent(n);
            return id != null ? id : nodes.getNodeIdForNode(n);
        }

        private Node node(NodeId id) {
            if (!id.isPtr()) return reader.node(id);
            return byPointer.get(id.getPtrLocation(), k -> {
                Node n = reader.node(id);
                ids.put(n, id);
                return n;
            });
        }
    }

    /**
     * The quads of a scan of an index whose graph comes last (SPOG, POSG), each triple once: a
     * triple's copies in several graphs are adjacent there, so a quad with the subject, predicate
     * and object of the one before it is skipped, and nothing is kept.
     */
    private static final class WithoutCopies extends NiceIterator<Tuple<NodeId>> {
        private final Iterator<Tuple<NodeId>> quads;
        private Tuple<NodeId> next, last;

        WithoutCopies(Iterator<Tuple<NodeId>> quads) {
            this.quads = quads;
        }

        @Override
        public boolean hasNext() {
            while (next == null && quads.hasNext()) {
                Tuple<NodeId> q = quads.next();
                if (last == null || !same(q.get(1), last.get(1)) || !same(q.get(2), last.get(2)) || !same(q.get(3), last.get(3))) next = q;
                last = q;
            }
            return next != null;
        }

        @Override
        public Tuple<NodeId> next() {
            if (!hasNext()) throw new NoSuchElementException();
            Tuple<NodeId> q = next;
            next = null;
            return q;
        }

        @Override
        public void close() {
            Iter.close(quads);
        }
    }
}
