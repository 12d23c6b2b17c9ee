package org.w3id.sijill.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Adds the provenance of a row in its source's graph, so that mappings need not repeat it:
 * {@code ?about prov:wasDerivedFrom ?source} always, and when the row cites a passage,
 * {@code ?about sijill:evidence [ a sijill:Evidence ; prov:value ?evidence ; prov:wasQuotedFrom ?passage ]}.
 *
 * <pre>{@code
 * new ProvenanceWriter().write(validRow, streamRdf);
 * }</pre>
 */
public final class ProvenanceWriter {
    private long evidence;

    /** @return the number of evidence nodes written */
    public long evidenceWritten() { return evidence; }

    /**
     * Writes the row's provenance on its entity.
     *
     * @return the evidence node (which the row's statements cite too), or null when the row quotes nothing
     */
    public Node write(ValidRow v, StreamRDF out) {
        Node g = v.source().graph();
        out.quad(Quad.create(g, v.about(), Terms.wasDerivedFrom, v.source().iri()));
        if (v.passage() == null || v.evidence() == null) return null;
        Node e = NodeFactory.createBlankNode();
        out.quad(Quad.create(g, v.about(), Terms.evidence, e));
        out.quad(Quad.create(g, e, Terms.type, Terms.Evidence));
        out.quad(Quad.create(g, e, Terms.provValue, v.evidence()));
        out.quad(Quad.create(g, e, Terms.wasQuotedFrom, v.source().passageIri(v.passage())));
        evidence++;
        return e;
    }
}
