package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.server.SijillServer;

/**
 * The server as {@code serve} assembles it, on the store built from the project's own
 * {@code sources/}: the named-query API, federation through the allow-list to a second real Fuseki
 * on loopback standing in for Wikidata, and a bounded crawl of the pages of every kind of thing.
 */
class RealDataServerTest {
    private static final String ID = "https://w3id.org/sijill/id/";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static SijillServer server;
    private static FusekiServer wikidata;
    private static String base;
    private static String wikidataEndpoint;

    @BeforeAll
    static void start() {
        // Two facts in Wikidata's shape: Lebanon's capital is Beirut, Egypt's is Cairo.
        DatasetGraph external = DatasetFactory.createTxnMem().asDatasetGraph();
        Graph g = external.getDefaultGraph();
        RDFParser.fromString("""
                PREFIX wd: <http://www.wikidata.org/entity/>
                PREFIX wdt: <http://www.wikidata.org/prop/direct/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                wd:Q822 wdt:P36 wd:Q3820 . wd:Q3820 rdfs:label "Beirut"@en .
                wd:Q79 wdt:P36 wd:Q85 . wd:Q85 rdfs:label "Cairo"@en .
                """, Lang.TURTLE).parse(g);
        wikidata = FusekiServer.create().loopback(true).port(0).add("/wikidata", external).build().start();
        wikidataEndpoint = "http://localhost:" + wikidata.getHttpPort() + "/wikidata/sparql";

        server = RealDataServers.start(List.of(wikidataEndpoint));
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (wikidata != null) wikidata.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void namedQueriesAreListedAndRunWithBoundParameters() {
        HttpResponse<String> list = get("/api/queries");
        assertEquals(200, list.statusCode(), list.body());
        JsonArray all = JSON.parse(list.body()).get("queries").getAsArray();
        assertTrue(all.size() >= 11, list.body());

        HttpResponse<String> cq1 = get("/api/queries/cq01-topic-status-by-country?topic="
                + enc(ID + "concept/law-topic/personal-data-protection"), "Accept", "text/csv");
        assertEquals(200, cq1.statusCode(), cq1.body());
        assertTrue(cq1.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(cq1.body().contains(ID + "law/lb/2018/law-81"), cq1.body());

        HttpResponse<String> cq2 = get("/api/queries/cq02-countries-side-by-side?country=" + enc(ID + "country/YE")
                + "&country=" + enc(ID + "country/DZ") + "&format=json");
        assertEquals(200, cq2.statusCode(), cq2.body());
        assertTrue(cq2.body().contains("country/YE") && cq2.body().contains("country/DZ") && !cq2.body().contains("country/LB"), cq2.body());

        HttpResponse<String> text = get("/api/queries/cq05-working-group-members.rq");
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("org:hasMember"), text.body());
    }

    @Test
    void badNamedQueryRequestsGetAReason() {
        HttpResponse<String> unknown = get("/api/queries/no-such-query");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no query named 'no-such-query'"), unknown.body());
        HttpResponse<String> badParam = get("/api/queries/cq03-instruments-by-year?from=last-year");
        assertEquals(400, badParam.statusCode());
        assertTrue(badParam.body().contains("must be an integer"), badParam.body());
        HttpResponse<String> unknownParam = get("/api/queries/cq03-instruments-by-year?since=2018");
        assertEquals(400, unknownParam.statusCode());
        HttpResponse<String> notAcceptable = get("/api/queries/cq10-arab-igf-themes", "Accept", "image/png");
        assertEquals(406, notAcceptable.statusCode());
        assertTrue(notAcceptable.body().contains("text/csv"), notAcceptable.body());
    }

    @Test
    void federatedQueryReachesTheAllowListedEndpointThroughOwlSameAs() {
        HttpResponse<String> r = get("/api/queries/cq09-wikidata-federated?endpoint=" + enc(wikidataEndpoint), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Lebanon") && r.body().contains("Beirut"), r.body());
        assertTrue(r.body().contains("Egypt") && r.body().contains("Cairo"), r.body());
        HttpResponse<String> unbound = get("/api/queries/cq09-wikidata-federated");
        assertEquals(400, unbound.statusCode(), unbound.body());
        assertTrue(unbound.body().contains("not bound"), unbound.body());
        HttpResponse<String> unboundSparql = get("/sparql?query=" + enc("SELECT * { SERVICE ?e { ?s ?p ?o } } LIMIT 2"));
        assertEquals(403, unboundSparql.statusCode(), unboundSparql.body());  // SERVICE ?var is refused before it runs (issue 12)
        assertTrue(unboundSparql.body().contains("variable endpoint"), unboundSparql.body());
        HttpResponse<String> refused = get("/api/queries/cq09-wikidata-federated?endpoint=" + enc("http://localhost:9/sparql"));
        assertEquals(403, refused.statusCode(), "status " + refused.statusCode() + ": " + refused.body());
    }

    @Test
    void arabicCountryPageOnRealData() {
        HttpResponse<String> r = get("/page/country/EG?lang=ar");
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(r.body(), base);
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertTrue(doc.selectFirst("h1").text().contains("مصر"), doc.selectFirst("h1").text());
        assertTrue(r.body().contains("/id/org/eg-ntra") || r.body().contains("/page/org/eg-ntra"), "Egypt's NTRA is listed");
    }

    @Test
    void crawlOfTheLandingPageAndEveryKindOfPageFindsNoBrokenOwnLink() {
        List<String> seeds = List.of("/", "/?lang=ar", "/page/country/LB", "/page/country/SY?lang=ar",
                "/page/law/lb/2018/law-81", "/page/org/eg-ntra", "/page/person/bilal-abdallah",
                "/page/initiative/eg-internet-safety-working-group", "/page/event/beirut-2018-experts-meeting",
                "/page/recommendation/escwa-beirut-2018-report/legislative-framework/6",
                "/page/status/SY/personal-data-protection/escwa-beirut-2018-report",
                "/page/document/itu-cop-circular-2021", "/page/document/escwa-beirut-2018-report/p/21",
                "/page/concept/law-topic/cybercrime", "/page/concept/arab-igf-5-theme/gender-equality",
                "/page/ontology", "/query");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(seeds);
        List<String> broken = new ArrayList<>();
        int requests = 0;
        while (!todo.isEmpty() && requests < 400) {
            String path = todo.poll();
            if (!seen.add(path)) continue;
            HttpResponse<String> r = get(path);
            requests++;
            int status = r.statusCode();
            if (status == 303) status = get(r.headers().firstValue("Location").orElseThrow()).statusCode();
            if (status >= 400) {
                broken.add(status + " " + path);
                continue;
            }
            boolean isSeed = seeds.contains(path);
            if (!isSeed || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) continue;
            for (Element a : Jsoup.parse(r.body(), base).select("a[href], link[href], script[src]")) {
                String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    String p = href.replaceFirst("#.*$", "");
                    if (!p.isEmpty() && !p.startsWith("/sparql?")) todo.add(p);
                }
            }
        }
        assertTrue(seen.containsAll(seeds), "every seed page was fetched");
        assertTrue(requests > seeds.size(), "the seed pages have links to follow (" + requests + " requests)");
        assertEquals(List.of(), broken, "broken own links");
    }

    @Test
    void theLandingPageListsTheDumpsServedUnderDumps() {
        Document landing = Jsoup.parse(get("/").body(), base);
        List<Element> countryLists = landing.select("section#countries ul.country-list");
        assertEquals(2, countryLists.size(), "Arab League states and the other countries are listed apart");
        assertEquals(22, countryLists.get(0).select("li").size(), "the 22 Arab League member states come first");
        assertTrue(countryLists.get(1).text().contains("France"), countryLists.get(1).text());
        String release = server.site().release().id();
        assertTrue(landing.text().contains(release), "the release id is on the landing page");
        Element jsonld = landing.selectFirst("a[href=/dumps/sijill.jsonld.gz]");
        assertTrue(jsonld != null, "the landing page links the JSON-LD dump");
        HttpResponse<String> sums = get("/dumps/SHA256SUMS");
        assertEquals(200, sums.statusCode(), sums.body());
        assertTrue(sums.body().contains("sijill.jsonld.gz") && sums.body().contains("sijill.nq.gz"), sums.body());
        HttpResponse<String> dataset = get("/dataset", "Accept", "text/turtle");
        assertEquals(200, dataset.statusCode());
        assertTrue(dataset.body().contains("void:triples") && dataset.body().contains("dcat:downloadURL"), dataset.body());
    }

    @Test
    void resourceJsonLdUsesThePublishedContextAndMeansWhatTheNTriplesSay() {
        HttpResponse<String> jsonld = get("/data/country/LB.jsonld");
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.body().contains("\"@context\": \"" + base + "/context.jsonld\"")
                || jsonld.body().contains("\"@context\":\"" + base + "/context.jsonld\""), jsonld.body());
        // Jena's JSON-LD 1.1 reader fetches the context from this server (loopback)
        Graph fromJsonLd = RDFParser.source(base + "/data/country/LB.jsonld").lang(Lang.JSONLD).toGraph();
        Graph fromNt = RDFParser.source(base + "/data/country/LB.nt").lang(Lang.NTRIPLES).toGraph();
        assertTrue(fromNt.size() > 20, "Lebanon's description: " + fromNt.size() + " triples");
        assertTrue(fromJsonLd.isIsomorphicWith(fromNt), () -> {
            java.io.StringWriter w = new java.io.StringWriter();
            org.apache.jena.riot.RDFDataMgr.write(w, fromJsonLd, Lang.NTRIPLES);
            return "JSON-LD and N-Triples differ; JSON-LD read as:\n" + w;
        });
    }

    @Test
    void aPassagePageLeadsToTheFactsThatQuoteIt() {
        Document p21 = Jsoup.parse(get("/page/document/escwa-beirut-2018-report/p/21").body(), base);
        List<String> hrefs = p21.select("a[href]").eachAttr("href");
        assertTrue(hrefs.stream().anyMatch(h -> h.endsWith("/law/lb/2018/law-81")), "paragraph 21 links to Law No. 81: " + hrefs);
        assertTrue(hrefs.stream().anyMatch(h -> h.endsWith("/status/LB/personal-data-protection/escwa-beirut-2018-report")), hrefs.toString());
    }

    @Test
    void everyCountryOfTheRegisterHasAPage() {
        HttpResponse<String> r = get("/sparql?query=" + enc(
                "SELECT ?c WHERE { ?c a <https://w3id.org/sijill/ontology#Country> }"), "Accept", "text/csv");
        String[] rows = r.body().trim().split("\r\n");
        assertTrue(rows.length > 22, r.body());
        for (int i = 1; i < rows.length; i++) {
            String path = rows[i].replace("https://w3id.org/sijill/id/", "/page/");
            assertEquals(200, get(path).statusCode(), path);
        }
    }

    @Test
    void resourceDataFollowsTheSeeOtherForALinkedDataClient() {
        Graph g = RDFParser.source(base + "/id/org/qa-cert").toGraph();
        assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI(ID + "org/qa-cert"),
                org.apache.jena.vocabulary.RDF.type.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sijill/ontology#CERT")), "Q-CERT is a CERT");
    }
}
