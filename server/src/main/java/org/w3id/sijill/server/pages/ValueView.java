package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * One value shown on a page: a link (internal or external), a literal with its language, or a
 * blank node shown by its own properties.
 *
 * <pre>{@code
 * ValueView v = ValueView.literal(new Label("2018", "", false), "xsd:gYear");
 * }</pre>
 *
 * @param kind {@code link}, {@code literal} or {@code node}
 * @param label the text shown
 * @param href where a link goes (root-relative for Sijill IRIs), or null
 * @param iri the IRI of a link, or null
 * @param external true when the link leaves this server
 * @param site the external site's name (e.g. Wikidata), or null
 * @param datatype the short datatype of a typed literal, or null
 * @param nested the properties of a blank node, else empty
 * @param citations the numbers of the page's notes that support this value as a fact (empty when not cited)
 * @param editorial true when the Sijill editors, not a source, state this value
 */
public record ValueView(String kind, Label label, String href, String iri, boolean external, String site,
                        String datatype, List<PropertyView> nested, List<Integer> citations, boolean editorial) {

    /** A value without citations. */
    public ValueView(String kind, Label label, String href, String iri, boolean external, String site,
                     String datatype, List<PropertyView> nested) {
        this(kind, label, href, iri, external, site, datatype, nested, List.of(), false);
    }

    /** @return this value with the citations of its fact */
    public ValueView withCitations(CitationNotes.Cites cites) {
        return new ValueView(kind, label, href, iri, external, site, datatype, nested, cites.numbers(), cites.editorial());
    }

    /** @return a literal value */
    public static ValueView literal(Label label, String datatype) {
        return new ValueView("literal", label, null, null, false, null, datatype, List.of());
    }

    /** @return a link value to an IRI */
    public static ValueView link(String iri, Label label) {
        boolean external = LocalLinks.isExternal(iri);
        return new ValueView("link", label, LocalLinks.href(iri), iri, external,
                external ? LocalLinks.siteName(iri) : null, null, List.of());
    }

    /** @return a blank node shown by its properties */
    public static ValueView node(Label label, List<PropertyView> nested) {
        return new ValueView("node", label, null, null, false, null, null, nested);
    }

    /** @return true for links */
    public boolean isLink() { return "link".equals(kind); }

    /** @return true for literals */
    public boolean isLiteral() { return "literal".equals(kind); }

    /** @return true for blank nodes */
    public boolean isNode() { return "node".equals(kind); }
}
