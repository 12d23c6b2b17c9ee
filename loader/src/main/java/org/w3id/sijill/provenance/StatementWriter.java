package org.w3id.sijill.provenance;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes statement-level provenance as RDF 1.1 reification, in the graph that holds the triple.
 * A stated triple (from a table row) gets
 * <pre>
 * [] a rdf:Statement ; rdf:subject s ; rdf:predicate p ; rdf:object o ;
 *    prov:wasDerivedFrom &lt;source&gt; ; sijill:row "tables/x.csv:12" ;
 *    sijill:evidence [ prov:value "quote" ; prov:wasQuotedFrom &lt;passage&gt; ] .   # document rows
 * </pre>
 * and a derived triple {@code prov:wasGeneratedBy} its {@link DerivationMethod} instead. Editorial
 * statements are stated ones whose source is {@link StatementTerms#EDITORS}.
 *
 * <pre>{@code
 * StatementWriter w = new StatementWriter();
 * w.stated(graph, triple, sourceIri, "tables/organizations.csv:12", evidenceNode, out);
 * w.derived(quad, DerivationMethod.GAZETTEER, out);
 * }</pre>
 */
public final class StatementWriter {
    private long stated;
    private long derived;

    /** @return the number of stated (and editorial) statements written */
    public long statedCount() { return stated; }

    /** @return the number of derived statements written */
    public long derivedCount() { return derived; }

    /**
     * Writes the statement of a triple a row states.
     *
     * @param evidence the row's evidence node, or null (external sources, editors)
     * @return the statement node
     */
    public Node stated(Node graph, Triple t, Node source, String row, Node evidence, StreamRDF out) {
        Node st = reify(graph, t, out);
        out.quad(Quad.create(graph, st, StatementTerms.WAS_DERIVED_FROM, source));
        out.quad(Quad.create(graph, st, StatementTerms.ROW, NodeFactory.createLiteralString(row)));
        if (evidence != null) out.quad(Quad.create(graph, st, StatementTerms.EVIDENCE, evidence));
        stated++;
        return st;
    }

    /** Writes the statement of a triple the loader derived, in the triple's graph. @return the statement node */
    public Node derived(Quad q, DerivationMethod method, StreamRDF out) {
        Node st = reify(q.getGraph(), q.asTriple(), out);
        out.quad(Quad.create(q.getGraph(), st, StatementTerms.WAS_GENERATED_BY, method.activity()));
        derived++;
        return st;
    }

    private static Node reify(Node graph, Triple t, StreamRDF out) {
        Node st = NodeFactory.createBlankNode();
        out.quad(Quad.create(graph, st, StatementTerms.TYPE, StatementTerms.STATEMENT));
        out.quad(Quad.create(graph, st, StatementTerms.SUBJECT, t.getSubject()));
        out.quad(Quad.create(graph, st, StatementTerms.PREDICATE, t.getPredicate()));
        out.quad(Quad.create(graph, st, StatementTerms.OBJECT, t.getObject()));
        return st;
    }
}
