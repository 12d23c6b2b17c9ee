package org.w3id.sijill.dump;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The VoID statistics as {@link DatasetDescription#statistics} computed them before they were
 * counted on node ids (a copy of that code, the reference the new way is compared with): one pass
 * over the union's triples, every node decoded through TDB2's node table.
 */
final class FormerStatistics {
    private FormerStatistics() {}

    private static final String DATASET = DatasetDescription.DATASET;
    private static final String URI_SPACE = DatasetDescription.URI_SPACE;
    private static final List<String[]> TARGETS = DatasetDescription.TARGETS;
    private static final List<Node> LINK_PREDICATES = DatasetDescription.LINK_PREDICATES;

    /** @return the statistics of {@code store} (the caller holds a read transaction) */
    static Graph statistics(DatasetGraph store) {
        Graph g = GraphFactory.createDefaultGraph();
        statistics(g, uri(DATASET), store);
        return g;
    }

    /** VoID statistics over the union of the store's graphs (one pass, subject order), as {@code DatasetDescription} computed them before. */
    static void statistics(Graph g, Node ds, DatasetGraph store) {
        Map<Node, long[]> perProperty = new HashMap<>();
        Map<Node, long[]> perClass = new HashMap<>();
        Map<String, long[]> links = new TreeMap<>();
        long[] triples = {0};
        long[] entities = {0};
        Node[] last = {null};
        // on TDB2 in one pass over its SPOG index: the union graph's find() keeps every triple it
        // has seen in a set to drop the copies in several graphs (gigabytes at 10^7 triples)
        java.util.Iterator<Triple> spog = union(store);
        // a subject's triples are adjacent in the index; in any other dataset (small, in memory) the
        // subjects already counted are kept
        java.util.Set<Node> seen = spog == null ? new java.util.HashSet<>() : null;
        java.util.function.Consumer<Triple> count = t -> {
            triples[0]++;
            Node s = t.getSubject();
            if (seen != null ? seen.add(s) : !s.equals(last[0])) {
                last[0] = s;
                if (s.isURI() && s.getURI().startsWith(URI_SPACE)) entities[0]++;
            }
            perProperty.computeIfAbsent(t.getPredicate(), k -> new long[1])[0]++;
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) perClass.computeIfAbsent(t.getObject(), k -> new long[1])[0]++;
            if (LINK_PREDICATES.contains(t.getPredicate()) && t.getObject().isURI()) {
                for (String[] target : TARGETS) {
                    if (t.getObject().getURI().startsWith(target[2])) {
                        links.computeIfAbsent(target[0] + " " + t.getPredicate().getURI(), k -> new long[1])[0]++;
                    }
                }
            }
        };
        Graph union = store.getUnionGraph();
        if (spog != null) spog.forEachRemaining(count);
        else union.find().forEachRemaining(count);
        // The default graph (empty in Sijill, where every triple is in its source's graph) counts
        // only for what the named graphs do not already have.
        last[0] = null;
        store.getDefaultGraph().find().forEachRemaining(t -> {
            if (union.contains(t)) return;
            if (union.find(t.getSubject(), Node.ANY, Node.ANY).hasNext()) last[0] = t.getSubject();
            count.accept(t);
        });

        DatasetDescription.describe(g, ds, triples[0], entities[0], perClass, perProperty, links);
    }

    /** The former {@code Tdb2Quads.unionTriples}: the union's triples from the SPOG index, every node decoded through the node table. */
    private static java.util.Iterator<Triple> union(DatasetGraph store) {
        Tdb2Quads quads = Tdb2Quads.overIndex(store, "SPOG");
        return quads == null ? null : Iter.distinctAdjacent(Iter.map(quads, org.apache.jena.sparql.core.Quad::asTriple));
    }

    private static Node uri(String s) { return NodeFactory.createURI(s); }
}
