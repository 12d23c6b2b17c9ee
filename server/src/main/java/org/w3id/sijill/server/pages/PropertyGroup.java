package org.w3id.sijill.server.pages;

import java.util.HashMap;
import java.util.Map;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The sections a page sorts properties into, in page order, and which property goes where.
 * Properties not listed fall into {@link #OTHER}.
 *
 * <pre>{@code
 * PropertyGroup g = PropertyGroup.of(SIJILL.jurisdiction.getURI()); // LEGAL
 * }</pre>
 */
public enum PropertyGroup {
    IDENTITY, LEGAL, ORGANIZATIONS, EVENTS, RECOMMENDATION, PROVENANCE, OTHER;

    private static final Map<String, PropertyGroup> GROUPS = new HashMap<>();

    private static void put(PropertyGroup g, String... iris) {
        for (String iri : iris) GROUPS.put(iri, g);
    }

    static {
        String rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        String rdfs = "http://www.w3.org/2000/01/rdf-schema#";
        String skos = "http://www.w3.org/2004/02/skos/core#";
        String dct = "http://purl.org/dc/terms/";
        String org = "http://www.w3.org/ns/org#";
        String schema = "http://schema.org/";
        String prov = "http://www.w3.org/ns/prov#";
        String s = SIJILL.NS;
        put(IDENTITY, rdf + "type", rdfs + "label", skos + "prefLabel", skos + "altLabel", dct + "title",
                rdfs + "comment", skos + "definition", skos + "notation", skos + "inScheme", skos + "topConceptOf",
                skos + "broader", skos + "narrower", "http://www.w3.org/2002/07/owl#sameAs", skos + "closeMatch",
                skos + "exactMatch", rdfs + "seeAlso", s + "iso2", s + "iso3", s + "m49", s + "number",
                "http://xmlns.com/foaf/0.1/name", schema + "name", "http://xmlns.com/foaf/0.1/homepage",
                dct + "description", dct + "identifier", rdf + "value", s + "text", s + "ordinal");
        put(LEGAL, s + "jurisdiction", s + "topic", s + "yearAdopted", "http://data.europa.eu/eli/ontology#date_document",
                s + "establishes", s + "status", s + "asOf", s + "instrument");
        put(ORGANIZATIONS, s + "country", s + "stakeholderGroup", org + "subOrganizationOf", org + "hasSubOrganization",
                s + "ledBy", org + "hasMember", org + "member", org + "memberOf", org + "organization", org + "role",
                s + "established");
        put(EVENTS, s + "participatingCountry", s + "speaker", s + "event", s + "about", schema + "startDate",
                schema + "endDate", schema + "location", schema + "organizer", schema + "superEvent", schema + "subEvent",
                s + "crossCutting");
        put(RECOMMENDATION, s + "recommendedAt", s + "category");
        put(PROVENANCE, prov + "wasDerivedFrom", s + "evidence", prov + "wasQuotedFrom", prov + "value",
                dct + "isPartOf", dct + "hasPart", s + "mentions", dct + "source", dct + "publisher", dct + "date",
                dct + "language", dct + "license", dct + "rights", dct + "created", dct + "modified");
    }

    /** @return the group of a property IRI */
    public static PropertyGroup of(String propertyIri) {
        return GROUPS.getOrDefault(propertyIri, OTHER);
    }

    /** @return the key used for the group's heading in the message bundle, e.g. {@code group.legal} */
    public String messageKey() {
        return "group." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
