package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.vocab.SIJILL;

/** Data documents, conditional requests, error bodies, and a linked-data client. */
class LinkedDataTest {

    static final String LAW_IRI = "https://w3id.org/sijill/id/law/lb/2018/law-81";

    private static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body).lang(lang).parse(m);
        return m;
    }

    @Test
    void dataDocumentsCarryTheResourceWithLabelsAndProvenance() {
        for (Lang lang : new Lang[] {Lang.TURTLE, Lang.JSONLD, Lang.NTRIPLES, Lang.RDFXML}) {
            String ext = lang == Lang.TURTLE ? "ttl" : lang == Lang.JSONLD ? "jsonld" : lang == Lang.NTRIPLES ? "nt" : "rdf";
            HttpResponse<String> r = TestServer.get("data/law/lb/2018/law-81." + ext);
            assertEquals(200, r.statusCode(), r.body());
            Model m = parse(r.body(), lang);
            Resource law = m.createResource(LAW_IRI);
            assertTrue(m.contains(law, RDF.type, SIJILL.Law), ext + ":\n" + r.body());
            // The label of the country it links to, in both languages.
            Resource lb = m.createResource("https://w3id.org/sijill/id/country/LB");
            assertTrue(m.contains(lb, RDFS.label, m.createLiteral("لبنان", "ar")), ext);
            // Provenance: the evidence quote and the passage text with its document.
            String q = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                    + "PREFIX sijill: <https://w3id.org/sijill/ontology#> ASK { <" + LAW_IRI + "> sijill:evidence ?e . "
                    + "?e prov:value ?quote ; prov:wasQuotedFrom ?p . ?p dcterms:isPartOf ?d ; <" + RDF.value.getURI() + "> ?text . "
                    + "?d dcterms:title ?t FILTER(CONTAINS(?quote, \"law no. 81\") && CONTAINS(?text, ?quote)) }";
            assertTrue(org.apache.jena.query.QueryExecutionFactory.create(q, m).execAsk(), ext + ":\n" + r.body());
            // Ontology labels of the terms used (from the ontology given to the server).
            assertTrue(m.contains(SIJILL.jurisdiction, RDFS.label, m.createLiteral("الولاية القضائية", "ar")), ext);
        }
    }

    @Test
    void incomingLinksArePagedWithACount() {
        // Lebanon is pointed to by the law and by the status claim (2 incoming subject/property pairs).
        HttpResponse<String> first = TestServer.get("data/country/LB.ttl?limit=1");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Link").orElse("").contains("offset=1"), first.headers().map().toString());
        Model m = parse(first.body(), Lang.TURTLE);
        assertEquals(1, m.listSubjectsWithProperty(SIJILL.jurisdiction, m.createResource("https://w3id.org/sijill/id/country/LB")).toList().size());
        HttpResponse<String> second = TestServer.get("data/country/LB.ttl?limit=1&offset=1");
        assertTrue(second.headers().firstValue("Link").isEmpty(), "no page after the last");
        assertEquals(1, parse(second.body(), Lang.TURTLE)
                .listSubjectsWithProperty(SIJILL.jurisdiction, m.createResource("https://w3id.org/sijill/id/country/LB")).toList().size());
        assertEquals(400, TestServer.get("data/country/LB.ttl?limit=x").statusCode());
        assertEquals(400, TestServer.get("data/country/LB.ttl?offset=-1").statusCode());
    }

    @Test
    void conditionalRequestsGet304() {
        HttpResponse<String> r = TestServer.get("data/country/LB.ttl");
        assertEquals(200, r.statusCode());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(etag.contains(TestStores.RELEASE), etag);
        // the later of the release's build (2026-11-23T10:00:00Z) and the code's
        java.time.Instant code = org.w3id.sijill.server.SoftwareBuild.current().built();
        java.time.Instant release = java.time.Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).format(
                (code.isAfter(release) ? code : release).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(java.time.ZoneOffset.UTC)), lastModified);
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").matches("public, max-age=\\d+"));

        HttpResponse<String> inm = TestServer.get("data/country/LB.ttl", "If-None-Match", etag);
        assertEquals(304, inm.statusCode());
        assertEquals(etag, inm.headers().firstValue("ETag").orElse(null));
        assertEquals("", inm.body());
        assertEquals(304, TestServer.get("data/country/LB.ttl", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, TestServer.get("data/country/LB.ttl", "If-Modified-Since", "Sun, 22 Nov 2026 10:00:00 GMT").statusCode());
        assertEquals(200, TestServer.get("data/country/LB.ttl", "If-None-Match", "\"other\"").statusCode());
        // Another format of the same resource is another entity.
        assertEquals(200, TestServer.get("data/country/LB.nt", "If-None-Match", etag).statusCode());
        // The ontology and the service description are tied to the release too.
        HttpResponse<String> o = TestServer.get("ontology", "Accept", "text/turtle");
        assertEquals(304, TestServer.get("ontology", "Accept", "text/turtle", "If-None-Match", o.headers().firstValue("ETag").orElseThrow()).statusCode());
        HttpResponse<String> sd = TestServer.get("sparql");
        assertEquals(304, TestServer.get("sparql", "If-None-Match", sd.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    /**
     * A page or description is made by the code from the release: the same release served by
     * another build of the code is another representation, so a copy cached from the old build is
     * not confirmed with a 304 (before, tags named the release only, and browsers kept old pages).
     */
    @Test
    void aCopyCachedFromAnotherBuildOfTheCodeIsNotConfirmed() {
        HttpResponse<String> r = TestServer.get("data/country/LB.ttl");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        String stamp = org.w3id.sijill.server.SoftwareBuild.current().stamp();
        assertTrue(etag.contains(TestStores.RELEASE + "-" + stamp + "-"), "the tag names the release and the code's build: " + etag);
        String olderBuild = etag.replace("-" + stamp + "-", "-c0-");
        assertEquals(200, TestServer.get("data/country/LB.ttl", "If-None-Match", olderBuild).statusCode());
        String releaseOnly = etag.replace("-" + stamp + "-", "-");
        assertEquals(200, TestServer.get("data/country/LB.ttl", "If-None-Match", releaseOnly).statusCode());
        assertEquals(304, TestServer.get("data/country/LB.ttl", "If-None-Match", etag).statusCode());
    }

    @Test
    void errorsAreShortTextWithAReason() {
        HttpResponse<String> nf = TestServer.get("id/country/XX", "Accept", "text/turtle");
        assertEquals(404, nf.statusCode());
        assertEquals("No resource <https://w3id.org/sijill/id/country/XX> in Sijill.\n", nf.body());
        HttpResponse<String> na = TestServer.get("id/country/LB", "Accept", "image/png");
        assertEquals(406, na.statusCode());
        for (String f : new String[] {"text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"}) {
            assertTrue(na.body().contains(f), na.body());
        }
        assertTrue(na.body().startsWith("None of the formats"), na.body());
    }

    @Test
    void aLinkedDataClientFollowsThe303() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(TestServer.base() + "id/law/lb/2018/law-81").parse(m);
        assertTrue(m.contains(m.createResource(LAW_IRI), RDF.type, SIJILL.Law), "fetched:\n" + m);
        Model c = ModelFactory.createDefaultModel();
        RDFParser.source(TestServer.base() + "id/country/LB").parse(c);
        assertTrue(c.contains(c.createResource("https://w3id.org/sijill/id/country/LB"), OWL.sameAs,
                c.createResource("http://www.wikidata.org/entity/Q822")), "fetched:\n" + c);
    }

    @Test
    void theOntologyIsServed() {
        HttpResponse<String> r = TestServer.get("ontology", "Accept", "application/rdf+xml");
        Model m = parse(r.body(), Lang.RDFXML);
        assertTrue(m.contains(SIJILL.Law, RDF.type, OWL.Class), r.body());
        assertEquals(TestServer.base() + "data/ontology.rdf", r.headers().firstValue("Content-Location").orElse(null));
    }
}
