package org.w3id.sijill.dump;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.w3id.sijill.tdb2.Tdb2Store;

/**
 * The named-graph quads of a TDB2 store in one pass over its GSPO index: graph by graph (in the
 * order of {@code listGraphNodes}), each graph in subject, predicate, object order — the same
 * quads in the same order as {@code listGraphNodes} followed by {@code find(g, ANY, ANY, ANY)}
 * for each graph, without a range lookup per graph. Node ids are turned into nodes through a
 * small direct-mapped cache in front of the store's node table, and the graph and subject of the
 * previous quad are reused when their ids repeat, so a run of quads of one subject costs one
 * lookup per predicate and object. The caller holds a read transaction.
 *
 * <pre>{@code
 * Iterator<Quad> quads = Tdb2Quads.namedGraphs(dsg);   // null when dsg is not a TDB2 store
 * }</pre>
 */
final class Tdb2Quads implements Iterator<Quad>, org.apache.jena.atlas.lib.Closeable {
    private static final int CACHE_SIZE = 1 << 14;

    private final Iterator<Tuple<NodeId>> tuples;
    private final NodeTable nodes;
    private final NodeId[] cachedIds = new NodeId[CACHE_SIZE];
    private final Node[] cachedNodes = new Node[CACHE_SIZE];
    private NodeId graphId;
    private Node graph;
    private NodeId subjectId;
    private Node subject;

    private Tdb2Quads(Iterator<Tuple<NodeId>> tuples, NodeTable nodes) {
        this.tuples = tuples;
        this.nodes = nodes;
    }

    /** @return the named-graph quads of a TDB2 store in GSPO order, or {@code null} for any other dataset */
    static Tdb2Quads namedGraphs(DatasetGraph served) {
        return overIndex(served, "GSPO");
    }

    /** @return the quads of the TDB2 store inside {@code served} in the order of its index {@code name}, or null (the Turtle dump reads SPOG) */
    static Tdb2Quads overIndex(DatasetGraph served, String name) {
        Tdb2Store tdb = Tdb2Store.within(served);
        Iterator<Tuple<NodeId>> index = tdb == null ? null : tdb.index(name);
        return index == null ? null : new Tdb2Quads(index, tdb.quads().getNodeTable());
    }

    @Override
    public boolean hasNext() {
        return tuples.hasNext();
    }

    @Override
    public Quad next() {
        if (!tuples.hasNext()) throw new NoSuchElementException();
        Tuple<NodeId> t = tuples.next();
        NodeId g = t.get(0);
        if (!g.equals(graphId)) {
            graphId = g;
            graph = node(g);
        }
        NodeId s = t.get(1);
        if (!s.equals(subjectId)) {
            subjectId = s;
            subject = node(s);
        }
        return Quad.create(graph, subject, node(t.get(2)), node(t.get(3)));
    }

    private Node node(NodeId id) {
        // inline values (numbers, dates) too: decoding one builds its lexical form each time
        int slot = id.hashCode() & (CACHE_SIZE - 1);
        NodeId cached = cachedIds[slot];
        // NodeId.equals compares the value bits only: an inline 956 equals the pointer 956
        if (cached != null && cached.type() == id.type() && cached.equals(id)) return cachedNodes[slot];
        Node n = id.isInline() ? NodeId.extract(id) : nodes.getNodeForNodeId(id);
        cachedIds[slot] = id;
        cachedNodes[slot] = n;
        return n;
    }

    @Override
    public void close() {
        Iter.close(tuples);
    }
}
