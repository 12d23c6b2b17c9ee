package org.w3id.sijill.loader;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The notations of each SKOS concept scheme of the ontology ({@code ontology/schemes/*.ttl}):
 * concepts {@code skos:inScheme <https://w3id.org/sijill/id/scheme/{scheme}>} with a
 * {@code skos:notation}. A {@code sijill:scheme} column value must be one of these.
 *
 * <pre>{@code
 * ConceptSchemes schemes = ConceptSchemes.of(ontologyGraph);
 * Node topic = schemes.concept("law-topic", "cybercrime");
 * }</pre>
 */
public final class ConceptSchemes {
    private static final String SCHEME = SIJILL.ID + "scheme/";
    private final Map<String, Set<String>> notations;

    private ConceptSchemes(Map<String, Set<String>> notations) {
        this.notations = notations;
    }

    /** Collects the notations from the ontology graph. */
    public static ConceptSchemes of(Graph ontology) {
        Map<String, Set<String>> m = new HashMap<>();
        ontology.find(Node.ANY, Terms.inScheme, Node.ANY).forEach(t -> {
            if (!t.getObject().isURI() || !t.getObject().getURI().startsWith(SCHEME)) return;
            String scheme = t.getObject().getURI().substring(SCHEME.length());
            for (Triple n : ontology.find(t.getSubject(), Terms.notation, Node.ANY).toList()) {
                if (n.getObject().isLiteral()) {
                    m.computeIfAbsent(scheme, k -> new TreeSet<>()).add(n.getObject().getLiteralLexicalForm());
                }
            }
        });
        return new ConceptSchemes(m);
    }

    /** @return whether the scheme has any concept */
    public boolean hasScheme(String scheme) { return notations.containsKey(scheme); }

    /** @return the notations of the scheme (empty when unknown) */
    public Set<String> notations(String scheme) { return notations.getOrDefault(scheme, Set.of()); }

    /** @return the concept IRI for a notation of a scheme */
    public Node concept(String scheme, String notation) {
        return NodeFactory.createURI(SIJILL.ID + "concept/" + scheme + "/" + notation);
    }
}
