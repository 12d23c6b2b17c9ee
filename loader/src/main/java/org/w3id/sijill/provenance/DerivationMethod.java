package org.w3id.sijill.provenance;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.sijill.vocab.SIJILL;

/**
 * How the loader derives triples no row states: each method is a {@code prov:Activity} of the
 * ontology, named by the derived statements' {@code prov:wasGeneratedBy}.
 *
 * <pre>{@code
 * statements.derived(quad, DerivationMethod.SUBCLASS_CLOSURE, out);
 * }</pre>
 */
public enum DerivationMethod {
    /** {@code rdf:type} superclasses from the ontology's {@code rdfs:subClassOf} ({@code sijill:subclassClosure}). */
    SUBCLASS_CLOSURE(SIJILL.subclassClosure.getURI()),
    /** {@code sijill:mentions} found by matching entity names in passage text ({@code sijill:gazetteerMatching}). */
    GAZETTEER(SIJILL.gazetteerMatching.getURI());

    private final Node activity;

    DerivationMethod(String iri) {
        this.activity = NodeFactory.createURI(iri);
    }

    /** @return the activity IRI */
    public Node activity() { return activity; }
}
