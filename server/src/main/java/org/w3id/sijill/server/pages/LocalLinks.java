package org.w3id.sijill.server.pages;

import org.w3id.sijill.vocab.SIJILL;

/**
 * Turns IRIs into the links a page shows: Sijill's canonical IRIs become root-relative links to
 * the local server ({@code https://w3id.org/sijill/id/x} → {@code /id/x},
 * {@code https://w3id.org/sijill/ontology#T} → {@code /page/ontology#T}); other http(s) IRIs are
 * external; named-graph IRIs and other schemes are not links.
 *
 * <pre>{@code
 * LocalLinks.href("https://w3id.org/sijill/id/country/LB"); // "/id/country/LB"
 * LocalLinks.isExternal("http://www.wikidata.org/entity/Q822"); // true
 * }</pre>
 */
public final class LocalLinks {
    private LocalLinks() {}

    /**
     * @param iri any IRI
     * @return the href to use in a page, or null when the IRI is not linkable
     */
    public static String href(String iri) {
        if (iri == null) return null;
        if (iri.startsWith(SIJILL.ID)) return "/id/" + iri.substring(SIJILL.ID.length());
        if (iri.equals(SIJILL.ONTOLOGY_IRI) || iri.equals(SIJILL.NS)) return "/page/ontology";
        if (iri.startsWith(SIJILL.NS)) return "/page/ontology#" + iri.substring(SIJILL.NS.length());
        if (iri.startsWith(SIJILL.BASE)) return null;
        if (iri.startsWith("http://") || iri.startsWith("https://")) return iri;
        return null;
    }

    /** @return true when the IRI is a link leaving this server */
    public static boolean isExternal(String iri) {
        return iri != null && !iri.startsWith(SIJILL.BASE) && (iri.startsWith("http://") || iri.startsWith("https://"));
    }

    /** @return true when the IRI names something this server describes under {@code /id/} */
    public static boolean isEntity(String iri) {
        return iri != null && iri.startsWith(SIJILL.ID);
    }

    /**
     * @param path a request path under {@code /page/}, e.g. {@code country/LB}
     * @return the canonical IRI it describes
     */
    public static String canonicalIri(String path) {
        return SIJILL.ID + path;
    }

    /** @return a short name for an external IRI's site, e.g. {@code Wikidata}, or the host */
    public static String siteName(String iri) {
        if (iri == null) return "";
        if (iri.startsWith("http://www.wikidata.org/") || iri.startsWith("https://www.wikidata.org/")) return "Wikidata";
        if (iri.startsWith("http://sws.geonames.org/") || iri.startsWith("https://www.geonames.org/")) return "GeoNames";
        try {
            String host = java.net.URI.create(iri).getHost();
            return host == null ? iri : host;
        } catch (IllegalArgumentException e) {
            // Not a parseable URI: show it as it is.
            return iri;
        }
    }
}
