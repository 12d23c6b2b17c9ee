package org.w3id.sijill.loader;

import java.util.ArrayDeque;
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
}
