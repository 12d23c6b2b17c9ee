package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * A property with its values, as a row of a page's property table.
 *
 * <pre>{@code
 * PropertyView row = new PropertyView(iri, label, "/page/ontology#topic", false, values);
 * }</pre>
 *
 * @param iri the property IRI
 * @param label its label in the page language
 * @param href the documentation link of the property, or null
 * @param incoming true when the page's resource is the object of the triples
 * @param values the values, sorted by label
 */
public record PropertyView(String iri, Label label, String href, boolean incoming, List<ValueView> values) {
    /** @return the documentation link when it is on this server (Sijill's own terms), else null */
    public String localHref() {
        return href != null && href.startsWith("/") ? href : null;
    }

    /** The properties whose values are codes (identifiers, notations), shown as code rather than as words. */
    private static final java.util.Set<String> CODES = java.util.Set.of("http://purl.org/dc/terms/identifier",
            "http://www.w3.org/2004/02/skos/core#notation");

    /** @return whether its values are codes, such as a passage's identifier {@code annex-intro} */
    public boolean code() {
        return CODES.contains(iri);
    }
}
