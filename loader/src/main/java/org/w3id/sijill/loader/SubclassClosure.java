package org.w3id.sijill.loader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Materialises {@code rdf:type} superclasses from the {@code rdfs:subClassOf} hierarchy of the
 * ontology (named classes only, reused vocabularies included), so that
 * {@code ?x a sijill:Organization} finds every regulator and CERT, and
 * {@code ?x a org:FormalOrganization} finds them too. The inferred types are added in the graph
 * where the asserted type is.
 *
 * <pre>{@code
 * long added = SubclassClosure.of(ontologyGraph).apply(dataset, ontologyGraphName);
 * }</pre>
 */
public final class SubclassClosure {
    private final Map<Node, Set<Node>> superclasses;

    private SubclassClosure(Map<Node, Set<Node>> superclasses) {
        this.superclasses = superclasses;
    }

    /** Computes the transitive superclasses of every named class of the ontology. */
    public static SubclassClosure of(Graph ontology) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        ontology.find(Node.ANY, Terms.subClassOf, Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI()) {
                direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
            }
        });
        Map<Node, Set<Node>> all = new HashMap<>();
        for (Node c : direct.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(direct.get(c));
            while (!todo.isEmpty()) {
                Node s = todo.pop();
                if (s.equals(c) || !seen.add(s)) continue;
                todo.addAll(direct.getOrDefault(s, Set.of()));
            }
            all.put(c, seen);
        }
        return new SubclassClosure(all);
    }

    /** @return the superclasses of a class (empty when it has none) */
    public Set<Node> superclassesOf(Node c) { return superclasses.getOrDefault(c, Set.of()); }

    /**
     * Adds the inferred types to every named graph except {@code skipGraph}.
     *
     * @return the number of type triples added (not counting ones already present)
     */
    public long apply(DatasetGraph dsg, Node skipGraph) {
        return apply(dsg, skipGraph, q -> { });
    }

    /**
     * Adds the inferred types to every named graph except {@code skipGraph}, telling {@code added}
     * of each quad it adds (to record it as derived).
     *
     * @return the number of type triples added
     */
    public long apply(DatasetGraph dsg, Node skipGraph, java.util.function.Consumer<Quad> onAdded) {
        List<Quad> types = dsg.stream(Node.ANY, Node.ANY, Terms.type, Node.ANY)
                .filter(q -> !q.getGraph().equals(skipGraph) && !q.isDefaultGraph())
                .toList();
        long added = 0;
        for (Quad q : types) {
            for (Node s : superclassesOf(q.getObject())) {
                Quad inferred = Quad.create(q.getGraph(), Triple.create(q.getSubject(), Terms.type, s));
                if (!dsg.contains(inferred)) {
                    dsg.add(inferred);
                    onAdded.accept(inferred);
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * @param skipGraph the graph whose types are not closed (the ontology's)
     * @return a collector that is shown the quads of a load as they stream by and then adds the
     *         same inferred types {@link #apply(DatasetGraph, Node, java.util.function.Consumer)}
     *         would add to the loaded store, without reading the store back
     */
    public Collector collector(Node skipGraph) {
        return new Collector(skipGraph);
    }

    /**
     * The closure of the types of a stream of quads. Keeps the typed quads whose class has
     * superclasses, and those whose class is a superclass (to skip inferred types already present).
     *
     * <pre>{@code
     * SubclassClosure.Collector c = closure.collector(ontologyGraph);
     * quads.forEach(c::accept);
     * long added = c.apply(out::quad);
     * }</pre>
     */
    public final class Collector {
        private final Node skipGraph;
        private final Set<Node> targets = new HashSet<>();
        private final List<Quad> candidates = new ArrayList<>();
        private final Set<Quad> present = new HashSet<>();

        private Collector(Node skipGraph) {
            this.skipGraph = skipGraph;
            superclasses.values().forEach(targets::addAll);
        }

        /** Shows the collector one quad of the load. */
        public void accept(Quad q) {
            if (!q.getPredicate().equals(Terms.type) || q.isDefaultGraph() || q.getGraph().equals(skipGraph)) return;
            if (superclasses.containsKey(q.getObject())) candidates.add(q);
            if (targets.contains(q.getObject())) present.add(q);
        }

        /**
         * Tells {@code onAdded} of each inferred type quad not already among the quads shown.
         *
         * @return the number of type quads inferred
         */
        public long apply(java.util.function.Consumer<Quad> onAdded) {
            long added = 0;
            for (Quad q : candidates) {
                for (Node s : superclassesOf(q.getObject())) {
                    Quad inferred = Quad.create(q.getGraph(), Triple.create(q.getSubject(), Terms.type, s));
                    if (present.add(inferred)) {
                        onAdded.accept(inferred);
                        added++;
                    }
                }
            }
            return added;
        }
    }
}
