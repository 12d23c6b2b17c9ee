package org.w3id.sijill.server.pages;

import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The schema.org description a page embeds for search engines ({@code <script type="application/ld+json">},
 * context {@code http://schema.org/}): {@code Legislation} for laws and draft laws ({@code CreativeWork} for other legal instruments), {@code Country},
 * {@code Organization}/{@code GovernmentOrganization}, {@code Event}, {@code CreativeWork} for
 * documents, {@code DefinedTerm} for concepts, {@code Thing} otherwise; {@code Dataset} for the
 * landing page.
 *
 * <pre>{@code
 * String json = SchemaOrgJsonLd.forResource(description, iri); // put into the page unescaped
 * }</pre>
 */
public final class SchemaOrgJsonLd {
    private SchemaOrgJsonLd() {}

    /** The schema.org context, http as the project requires. */
    public static final String CONTEXT = "http://schema.org/";

    private static final Property ELI_DATE = ResourceFactory.createProperty("http://data.europa.eu/eli/ontology#date_document");
    private static final String SCHEMA = "http://schema.org/";
    private static final Set<String> GOVERNMENT = Set.of(SIJILL.GovernmentBody.getURI(), SIJILL.Regulator.getURI(), SIJILL.CERT.getURI());

    /** @return the JSON-LD text about the resource {@code iri} in {@code model}, safe inside a script element */
    public static String forResource(Model model, String iri) {
        Resource r = model.createResource(iri);
        PageType type = PageType.of(model, r);
        JsonObject o = new JsonObject();
        o.put("@context", CONTEXT);
        o.put("@id", iri);
        o.put("url", iri);
        Set<String> types = new java.util.HashSet<>();
        r.listProperties(RDF.type).forEachRemaining(st -> { if (st.getObject().isURIResource()) types.add(st.getObject().asResource().getURI()); });
        names(model, r, o);
        JsonArray same = new JsonArray();
        for (Property p : List.of(OWL.sameAs, SKOS.exactMatch)) {
            r.listProperties(p).forEachRemaining(st -> { if (st.getObject().isURIResource()) same.add(st.getObject().asResource().getURI()); });
        }
        if (!same.isEmpty()) o.put("sameAs", same);
        switch (type) {
            case LEGAL_INSTRUMENT -> {
                // only laws and draft laws are legislation; strategies, declarations, treaties are creative works
                boolean legislation = types.contains(SIJILL.Law.getURI()) || types.contains(SIJILL.DraftLaw.getURI());
                o.put("@type", legislation ? "Legislation" : "CreativeWork");
                Statement date = r.getProperty(ELI_DATE);
                if (date == null) date = r.getProperty(SIJILL.yearAdopted);
                if (date != null && date.getObject().isLiteral()) o.put(legislation ? "legislationDate" : "dateCreated", date.getObject().asLiteral().getLexicalForm());
                Resource jurisdiction = object(r, SIJILL.jurisdiction);
                if (jurisdiction != null) o.put(legislation ? "legislationJurisdiction" : "spatialCoverage", ref(model, jurisdiction, "Country"));
                if (legislation) {
                    types.stream().filter(CountryViewBuilder.LEGAL_TYPES::contains).sorted().findFirst()
                            .ifPresent(t -> o.put("legislationType", english(model, model.createResource(t))));
                }
                Statement number = r.getProperty(SIJILL.number);
                if (number != null && number.getObject().isLiteral()) o.put(legislation ? "legislationIdentifier" : "identifier", number.getString());
                JsonArray about = new JsonArray();
                r.listProperties(SIJILL.topic).forEachRemaining(st -> {
                    if (st.getObject().isURIResource()) about.add(ref(model, st.getObject().asResource(), "DefinedTerm"));
                });
                if (!about.isEmpty()) o.put("about", about);
            }
            case COUNTRY -> {
                o.put("@type", "Country");
                Statement iso2 = r.getProperty(SIJILL.iso2);
                if (iso2 != null) o.put("identifier", iso2.getString());
            }
            case ORGANIZATION -> {
                o.put("@type", types.stream().anyMatch(GOVERNMENT::contains) ? "GovernmentOrganization" : "Organization");
                Resource country = object(r, SIJILL.country);
                if (country != null) o.put("areaServed", ref(model, country, "Country"));
                Resource parent = object(r, ResourceFactory.createProperty("http://www.w3.org/ns/org#subOrganizationOf"));
                if (parent != null) o.put("parentOrganization", ref(model, parent, "Organization"));
                literal(r, SIJILL.established).ifPresent(v -> o.put("foundingDate", v));
            }
            case DOCUMENT -> {
                o.put("@type", "CreativeWork");
                literal(r, DCTerms.date).ifPresent(v -> o.put("datePublished", v));
                JsonArray langs = new JsonArray();
                r.listProperties(DCTerms.language).forEachRemaining(st -> { if (st.getObject().isLiteral()) langs.add(st.getString()); });
                if (!langs.isEmpty()) o.put("inLanguage", langs);
            }
            case CONCEPT -> {
                o.put("@type", "DefinedTerm");
                literal(r, SKOS.notation).ifPresent(v -> o.put("termCode", v));
                Resource scheme = object(r, SKOS.inScheme);
                if (scheme != null) o.put("inDefinedTermSet", scheme.getURI());
            }
            default -> {
                if (types.contains(SIJILL.Event.getURI())) {
                    o.put("@type", "Event");
                    literal(r, ResourceFactory.createProperty(SCHEMA + "startDate")).ifPresent(v -> o.put("startDate", v));
                    literal(r, ResourceFactory.createProperty(SCHEMA + "endDate")).ifPresent(v -> o.put("endDate", v));
                    Resource organizer = object(r, ResourceFactory.createProperty(SCHEMA + "organizer"));
                    if (organizer != null) o.put("organizer", ref(model, organizer, "Organization"));
                } else {
                    o.put("@type", "Thing");
                }
            }
        }
        return safe(o);
    }

    /**
     * @param siteUrl the address of the landing page
     * @param name the dataset name
     * @param alternateName its other name (Arabic)
     * @param description what it is
     * @param release the release id, or null
     * @param downloads the published files
     * @return the landing page's {@code schema:Dataset}
     */
    public static String forDataset(String siteUrl, String name, String alternateName, String description, String release,
                                    List<DownloadsInfo.Download> downloads) {
        JsonObject o = new JsonObject();
        o.put("@context", CONTEXT);
        o.put("@type", "Dataset");
        o.put("@id", SIJILL.BASE);
        o.put("url", siteUrl);
        o.put("name", name);
        o.put("alternateName", alternateName);
        o.put("description", description);
        o.put("license", "https://creativecommons.org/licenses/by/4.0/");
        JsonArray langs = new JsonArray();
        langs.add("en");
        langs.add("ar");
        o.put("inLanguage", langs);
        if (release != null) o.put("version", release);
        JsonArray dist = new JsonArray();
        for (DownloadsInfo.Download d : downloads) {
            JsonObject dd = new JsonObject();
            dd.put("@type", "DataDownload");
            dd.put("name", d.fileName());
            dd.put("contentUrl", d.url());
            dd.put("encodingFormat", d.mediaType());
            dd.put("contentSize", Long.toString(d.bytes()));
            dist.add(dd);
        }
        if (!dist.isEmpty()) o.put("distribution", dist);
        return safe(o);
    }

    /** JSON cannot hold "<" outside strings, so escaping every "<" keeps "</script>" out of the page. */
    private static String safe(JsonObject o) {
        return o.toString().replace("<", "\\u003c");
    }

    private static void names(Model model, Resource r, JsonObject o) {
        JsonArray names = new JsonArray();
        for (Property p : LabelSelector.LABEL_PROPERTIES) {
            for (Statement st : r.listProperties(p).toList()) {
                if (!st.getObject().isLiteral()) continue;
                Literal l = st.getObject().asLiteral();
                if (l.getLanguage().isEmpty()) {
                    names.add(l.getLexicalForm());
                } else {
                    JsonObject v = new JsonObject();
                    v.put("@value", l.getLexicalForm());
                    v.put("@language", l.getLanguage());
                    names.add(v);
                }
            }
            if (!names.isEmpty()) break;
        }
        if (!names.isEmpty()) o.put("name", names);
    }

    private static JsonObject ref(Model model, Resource x, String type) {
        JsonObject o = new JsonObject();
        o.put("@type", type);
        o.put("@id", x.getURI());
        names(model, x, o);
        return o;
    }

    private static String english(Model model, Resource term) {
        return LabelSelector.find(model, term, PageLanguage.EN).map(Label::text)
                .orElseGet(() -> LabelSelector.fromIri(term));
    }

    private static Resource object(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource() : null;
    }

    private static java.util.Optional<String> literal(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isLiteral()
                ? java.util.Optional.of(st.getObject().asLiteral().getLexicalForm()) : java.util.Optional.empty();
    }
}
