package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.server.SijillServer;

/**
 * The small HTTP promises of the site on the real server and data: case redirects of country
 * IRIs, JSON for {@code application/json}, the dataset description in every RDF syntax (and for
 * rdflib's default {@code Accept}), the union graph at {@code /sparql?default}, blank nodes in CSV
 * results, and errors in the site's style (never Jetty's page) with plain text for non-browsers.
 */
class SiteHttpTest {
    static SijillServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** What rdflib's {@code Graph().parse(url)} sends when no format is given. */
    static final String RDFLIB = "application/rdf+xml, text/rdf+n3;q=0.9, application/xhtml+xml;q=0.5, */*;q=0.1";

    @BeforeAll
    static void start() {
        server = RealDataServers.start(List.of());
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lowerCaseCountryCodesRedirect() throws Exception {
        HttpResponse<String> r = get("/id/country/eg", BROWSER);
        assertEquals(301, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/id/country/EG"));
        assertEquals(303, get("/id/country/EG", BROWSER).statusCode());
    }

    @Test
    void applicationJsonGetsJsonLdAndJsonResults() throws Exception {
        HttpResponse<String> id = get("/id/country/EG", "application/json");
        assertEquals(303, id.statusCode());
        String location = id.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/data/country/EG.jsonld"), location);
        HttpResponse<String> data = get(location.substring(base.length()), "application/json");
        assertEquals(200, data.statusCode());
        assertTrue(data.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
        HttpResponse<String> list = get("/api/queries", "application/json");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("cq01-topic-status-by-country"));
        HttpResponse<String> run = get("/api/queries/cq10-arab-igf-themes", "application/json");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("\"bindings\""), run.body());
    }

    @Test
    void theDatasetDescriptionInEveryRdfSyntax() throws Exception {
        for (String path : List.of("/dataset", "/.well-known/void")) {
            for (String[] f : new String[][] {{"application/n-triples", "N-TRIPLES"}, {"application/rdf+xml", "RDF/XML"},
                    {"text/turtle", "TURTLE"}, {"application/ld+json", "JSON-LD"}}) {
                HttpResponse<String> r = get(path, f[0]);
                assertEquals(200, r.statusCode(), path + " " + f[0]);
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(f[0]), path + " " + f[0]);
                Model m = ModelFactory.createDefaultModel();
                RDFParser.create().source(new StringReader(r.body())).lang(org.apache.jena.riot.RDFLanguages.nameToLang(f[1]))
                        .base(base + path).parse(m);
                assertTrue(m.size() > 20, path + " " + f[0] + ": " + m.size() + " triples");
            }
        }
        // rdflib's default request: RDF/XML, which it parses, rather than the page
        HttpResponse<String> rdflib = get("/dataset", RDFLIB);
        assertTrue(rdflib.headers().firstValue("Content-Type").orElseThrow().startsWith("application/rdf+xml"));
        assertEquals(200, get("/dataset", BROWSER).statusCode());
        assertTrue(get("/dataset", BROWSER).headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void theDefaultGraphIsTheUnion() throws Exception {
        HttpResponse<String> r = get("/sparql?default", "application/n-triples");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.NTRIPLES).parse(m);
        assertTrue(m.size() > 1000, "the union of the source graphs: " + m.size());
        assertTrue(r.body().contains("<https://w3id.org/sijill/id/country/EG>"));
    }

    @Test
    void csvResultsWriteBlankNodesWithTheirPrefix() throws Exception {
        // DISTINCT: an evidence node is shared by the entity and the statements it supports
        String q = "SELECT DISTINCT ?e WHERE { ?s <https://w3id.org/sijill/ontology#evidence> ?e } LIMIT 2";
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals(List.of("e", "_:b0", "_:b1"), List.of(r.body().split("\r\n")));
    }

    @Test
    void errorsArePagesOfTheSiteForBrowsersAndTextForOthers() throws Exception {
        for (String path : List.of("/nonexistent", "/id/country/XX", "/page/nothing/here", "/static/nothing.css")) {
            for (String lang : List.of("en", "ar")) {
                HttpResponse<String> r = get(path + "?lang=" + lang, BROWSER);
                assertEquals(404, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), path);
                Document doc = Jsoup.parse(r.body());
                assertEquals(lang, doc.selectFirst("html").attr("lang"), path);
                assertFalse(doc.select("header.site nav a[href=/query]").isEmpty(), "the site's navigation on " + path);
                assertFalse(r.body().contains("HTTP ERROR"), "not Jetty's page: " + path);
            }
            if (path.startsWith("/page/")) continue;  // a page address answers HTML to every client
            HttpResponse<String> plain = get(path, "*/*");
            assertEquals(404, plain.statusCode());
            assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), path);
            assertFalse(plain.body().contains("<html"), "not Jetty's page: " + path);
        }
        HttpResponse<String> ar = get("/nonexistent?lang=ar", BROWSER);
        assertTrue(Jsoup.parse(ar.body()).selectFirst("h1").text().contains("غير موجود"));
    }

    @Test
    void trailingSlashesRedirect() throws Exception {
        for (String path : List.of("/compare/", "/query/", "/page/country/EG/", "/dataset/")) {
            HttpResponse<String> r = get(path, BROWSER);
            assertEquals(301, r.statusCode(), path);
            assertEquals(path.substring(0, path.length() - 1), r.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(200, get("/dumps/", BROWSER).statusCode(), "the download folder keeps its slash");
    }

    @Test
    void downloadsPageListsRealMediaTypesAndReadableSizes() throws Exception {
        HttpResponse<String> r = get("/dumps/?lang=ar", BROWSER);
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertFalse(doc.select("header.site nav").isEmpty(), "the site's layout");
        String gz = doc.select("tr:has(a[href$=sijill.jsonld.gz])").text();
        assertTrue(gz.contains("application/gzip"), gz);
        assertTrue(doc.select("td.num").stream().allMatch(td -> td.wholeText().matches("[0-9.]+\u00a0(B|KiB|MiB|GiB)")),
                doc.select("td.num").eachText().toString());
        assertFalse(doc.text().matches(".*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"), "no nanoseconds in dates");
    }
}
