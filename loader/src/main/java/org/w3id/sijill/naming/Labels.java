package org.w3id.sijill.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A resource's label in Arabic or English, chosen as the pages choose it, for names made outside
 * the pages (the search index's passage names and concept schemes).
 *
 * <pre>{@code
 * Optional<Labels.Name> l = Labels.label(graph, schemeNode, "ar"); // «موضوعات القوانين», "ar"
 * }</pre>
 */
public final class Labels {
    private Labels() {}

    /** Label properties, most preferred first (the pages' order). */
    public static final List<String> PROPERTIES = List.of(
            "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
            "http://purl.org/dc/terms/title", "http://schema.org/name", "http://xmlns.com/foaf/0.1/name");

    /**
     * A name and the primary language it is in ({@code ""} when the literal had no tag).
     *
     * @param text the name
     * @param lang its primary language subtag
     */
    public record Name(String text, String lang) {}

    /**
     * The label of a resource as the pages choose it: label properties in the order of
     * {@link #PROPERTIES}; {@code lang}, then the other page language, then any tag, then none.
     *
     * @return the label, if {@code r} has one
     */
    public static Optional<Name> label(Graph g, Node r, String lang) {
        List<Node> literals = new ArrayList<>();
        for (String p : PROPERTIES) {
            ExtendedIterator<Triple> it = g.find(r, NodeFactory.createURI(p), Node.ANY);
            try {
                it.forEachRemaining(t -> { if (t.getObject().isLiteral()) literals.add(t.getObject()); });
            } finally {
                it.close();
            }
        }
        String other = lang.equals("ar") ? "en" : "ar";
        for (int pass = 0; pass < 4; pass++) {
            for (Node l : literals) {
                String tag = l.getLiteralLanguage();
                String primary = tag.toLowerCase(Locale.ROOT).split("-")[0];
                boolean match = switch (pass) {
                    case 0 -> primary.equals(lang);
                    case 1 -> primary.equals(other);
                    case 2 -> !tag.isEmpty();
                    default -> tag.isEmpty();
                };
                String text = l.getLiteralLexicalForm().strip();
                if (match && !text.isEmpty()) return Optional.of(new Name(text, primary));
            }
        }
        return Optional.empty();
    }

}
