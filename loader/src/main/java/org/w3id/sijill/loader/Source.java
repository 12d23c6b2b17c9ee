package org.w3id.sijill.loader;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.sijill.vocab.SIJILL;

/**
 * A source that rows cite: a document of {@code documents.csv} (with its passages) or an external
 * source of {@code external-sources.csv} (without). Its triples go into its named graph
 * {@code https://w3id.org/sijill/graph/{slug}}.
 *
 * <pre>{@code
 * Source s = registry.find("escwa-beirut-2018-report");
 * Node passage = s.passageIri("21");
 * }</pre>
 *
 * @param slug     the source's slug
 * @param iri      {@code id/document/{slug}} or {@code id/source/{slug}}
 * @param passages passages by token (empty for external sources)
 * @param languages the languages of the passages, by token
 */
public record Source(String slug, Node iri, Map<String, Passage> passages, Map<String, String> languages,
                     boolean isDocument) {

    /** @return the named graph of this source */
    public Node graph() { return NodeFactory.createURI(SIJILL.GRAPH + slug); }

    /** @return the IRI of the passage with this token */
    public Node passageIri(String token) { return NodeFactory.createURI(iri.getURI() + "/p/" + token); }
}
