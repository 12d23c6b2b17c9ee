package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.sijill.vocab.SIJILL;

/** The public SPARQL endpoint: protocol, formats, union graph, service description, GSP read, CORS, gzip, ping, metrics. */
class SparqlEndpointTest {

    static final String SELECT_LAWS = "PREFIX sijill: <https://w3id.org/sijill/ontology#> "
            + "SELECT ?law WHERE { ?law a sijill:Law ; sijill:jurisdiction <https://w3id.org/sijill/id/country/LB> }";
    static final String CONSTRUCT_LAW = "PREFIX sijill: <https://w3id.org/sijill/ontology#> "
            + "CONSTRUCT { ?law a sijill:Law ; sijill:jurisdiction ?c } WHERE { ?law a sijill:Law ; sijill:jurisdiction ?c }";

    static String q(String query) { return "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8); }

    @ParameterizedTest(name = "SELECT as {0}")
    @CsvSource({
            "application/sparql-results+json, application/sparql-results+json, law-81",
            "application/sparql-results+xml, application/sparql-results+xml, law-81",
            "text/csv, text/csv, law-81",
            "text/tab-separated-values, text/tab-separated-values, law-81"})
    void selectInEveryResultFormat(String accept, String contentType, String expected) {
        HttpResponse<String> r = TestServer.get(q(SELECT_LAWS), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType), r.headers().map().toString());
        assertTrue(r.body().contains("https://w3id.org/sijill/id/law/lb/2018/" + expected), r.body());
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/n-triples, N-TRIPLES"})
    void constructByAccept(String accept, String langName) {
        HttpResponse<String> r = TestServer.get(q(CONSTRUCT_LAW), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().map().toString());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(org.apache.jena.riot.RDFLanguages.nameToLang(langName)).parse(m);
        assertTrue(m.contains(m.createResource("https://w3id.org/sijill/id/law/lb/2018/law-81"), RDF.type, SIJILL.Law), r.body());
    }

    @Test
    void postQueriesAndNamedGraphs() {
        String graphQuery = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/sijill/graph/reference-identifiers> "
                + "{ <https://w3id.org/sijill/id/country/LB> ?p ?o } }";
        HttpResponse<String> form = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(graphQuery, StandardCharsets.UTF_8))).build());
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("n\r\n8\r\n", form.body());
        HttpResponse<String> direct = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(SELECT_LAWS)).build());
        assertEquals(200, direct.statusCode(), direct.body());
        assertTrue(direct.body().contains("law-81"));
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphs() {
        // Labels of Lebanon come from reference-identifiers, the law from the report: one query sees both.
        String query = "PREFIX sijill: <https://w3id.org/sijill/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?name WHERE { ?law a sijill:Law ; sijill:jurisdiction ?c . ?c rdfs:label ?name FILTER(lang(?name) = 'ar') }";
        HttpResponse<String> r = TestServer.get(q(query), "Accept", "text/csv");
        assertEquals("name\r\nلبنان\r\n", r.body());
    }

    @Test
    void graphStoreProtocolReadsANamedGraph() {
        HttpResponse<String> r = TestServer.get("sparql?graph=" + URLEncoder.encode("https://w3id.org/sijill/graph/reference-identifiers", StandardCharsets.UTF_8),
                "Accept", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.NTRIPLES).parse(m);
        assertEquals(10, m.size(), r.body());
        assertEquals(404, TestServer.get("sparql?graph=" + URLEncoder.encode("https://w3id.org/sijill/graph/none", StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void bareGetIsTheServiceDescription() {
        HttpResponse<String> r = TestServer.get("sparql", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.TURTLE).parse(m);
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(m.contains(null, m.createProperty(sd, "endpoint"), m.createResource(TestServer.base() + "sparql")), r.body());
        assertTrue(m.contains(null, m.createProperty(sd, "feature"), m.createResource(sd + "UnionDefaultGraph")), r.body());
        assertTrue(m.contains(null, m.createProperty(sd, "name"), m.createResource("https://w3id.org/sijill/graph/escwa-beirut-2018-report")), r.body());
        assertTrue(m.contains(null, m.createProperty(sd, "resultFormat"), m.createResource("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
    }

    @Test
    void corsIsOnForReads() {
        HttpResponse<String> r = TestServer.get(q(SELECT_LAWS), "Origin", "https://example.org", "Accept", "application/sparql-results+json");
        assertEquals("https://example.org", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), r.headers().map().toString());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> d = TestServer.get("data/country/LB.ttl", "Origin", "https://example.org");
        assertEquals("https://example.org", d.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void gzipWhenAsked() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "data/law/lb/2018/law-81.nt"))
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), r.headers().map().toString());
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        assertTrue(new String(plain, StandardCharsets.UTF_8).contains("<https://w3id.org/sijill/id/law/lb/2018/law-81>"));
        HttpResponse<byte[]> identity = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "data/law/lb/2018/law-81.nt"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(plain, identity.body());
    }

    @Test
    void pingMetricsAndNoOpenAdmin() {
        assertEquals(200, TestServer.get("$/ping").statusCode());
        TestServer.get(q(SELECT_LAWS));
        HttpResponse<String> metrics = TestServer.get("$/metrics");
        assertEquals(403, metrics.statusCode(), "metrics are for the operator (TimeLimitTest reads them with the password)");
        assertTrue(metrics.body().contains("--admin-password"), metrics.body());
        for (String admin : new String[] {"$/stats", "$/datasets", "$/server", "$/backup/sparql", "$/compact/sparql", "$/tasks"}) {
            int status = TestServer.get(admin).statusCode();
            assertEquals(404, status, admin);
        }
    }
}
