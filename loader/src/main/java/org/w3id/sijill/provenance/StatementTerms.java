package org.w3id.sijill.provenance;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The RDF terms of statement-level provenance, as nodes: RDF 1.1 reification
 * ({@code rdf:Statement}, {@code rdf:subject}, {@code rdf:predicate}, {@code rdf:object}), PROV-O
 * ({@code prov:wasDerivedFrom}, {@code prov:wasGeneratedBy}) and Sijill's {@code sijill:evidence},
 * {@code sijill:row} and derivation methods.
 *
 * <pre>{@code
 * dsg.find(graph, Node.ANY, StatementTerms.TYPE, StatementTerms.STATEMENT);
 * }</pre>
 */
public final class StatementTerms {
    private StatementTerms() {}

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String PROV = "http://www.w3.org/ns/prov#";

    /** {@code rdf:type} */
    public static final Node TYPE = NodeFactory.createURI(RDF + "type");
    /** {@code rdf:Statement} */
    public static final Node STATEMENT = NodeFactory.createURI(RDF + "Statement");
    /** {@code rdf:subject} */
    public static final Node SUBJECT = NodeFactory.createURI(RDF + "subject");
    /** {@code rdf:predicate} */
    public static final Node PREDICATE = NodeFactory.createURI(RDF + "predicate");
    /** {@code rdf:object} */
    public static final Node OBJECT = NodeFactory.createURI(RDF + "object");
    /** {@code prov:wasDerivedFrom} */
    public static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    /** {@code prov:wasGeneratedBy} */
    public static final Node WAS_GENERATED_BY = NodeFactory.createURI(PROV + "wasGeneratedBy");
    /** {@code sijill:evidence} */
    public static final Node EVIDENCE = NodeFactory.createURI(SIJILL.evidence.getURI());
    /** {@code sijill:Evidence} */
    public static final Node EVIDENCE_CLASS = NodeFactory.createURI(SIJILL.Evidence.getURI());
    /** {@code sijill:row} */
    public static final Node ROW = NodeFactory.createURI(SIJILL.row.getURI());
    /** {@code sijill:ExternalSource} */
    public static final Node EXTERNAL_SOURCE = NodeFactory.createURI(SIJILL.ExternalSource.getURI());

    /** The slug of the external source of editorial statements (display names, links and notes no source states). */
    public static final String EDITORS_SLUG = "sijill-editors";
    /** The IRI of the Sijill editors as a source. */
    public static final Node EDITORS = NodeFactory.createURI(SIJILL.ID + "source/" + EDITORS_SLUG);
    /** The named graph of editorial statements. */
    public static final Node EDITORS_GRAPH = NodeFactory.createURI(SIJILL.GRAPH + EDITORS_SLUG);
}
