package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.sijill.core.ProjectPaths;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The small HTTP promises of the site on the real server and data: case redirects of country
 * IRIs, JSON for {@code application/json}, the dataset description in every RDF syntax (and for
 * rdflib's default {@code Accept}), the union graph at {@code /sparql?default}, blank nodes in CSV
 * results, and errors in the site's style (never Jetty's page) with plain text for non-browsers.
 */
class SiteHttpTest {
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** What rdflib's {@code Graph().parse(url)} sends when no format is given. */
    static final String RDFLIB = "application/rdf+xml, text/rdf+n3;q=0.9, application/xhtml+xml;q=0.5, */*;q=0.1";

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return accept == null ? SERVER.get(path) : SERVER.get(path, "Accept", accept);
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
        HttpResponse<String> data = get(location.substring(SERVER.base().length()), "application/json");
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
    void theNamedQueryListIsJsonLdForJsonAndJsonLdClients() throws Exception {
        String published = get("/context.jsonld", null).body();
        Path home = ProjectPaths.locate().queries().getParent();
        for (String accept : List.of("application/json", "application/ld+json")) {
            HttpResponse<String> r = get("/api/queries", accept);
            assertEquals(200, r.statusCode(), accept);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(accept), accept);
            JsonValue top = JSON.parseAny(r.body());
            assertTrue(top.isObject(), "the top level is an object: " + accept);
            JsonArray queries = top.getAsObject().get("queries").getAsArray();
            assertTrue(queries.size() >= 11, "the queries: " + queries.size());
            JsonArray context = top.getAsObject().get("@context").getAsArray();
            assertEquals(SERVER.base() + "/context.jsonld", context.get(0).getAsString().value(), "the published context, served here");
            String cq01 = SERVER.base() + "/api/queries/cq01-topic-status-by-country";
            // Jena (JSON-LD 1.1) with the published context put in place of its URL: no network fetch
            JsonObject inline = JSON.parse(r.body());
            inline.get("@context").getAsArray().set(0, JSON.parse(published).get("@context"));
            Model jena = ModelFactory.createDefaultModel();
            RDFParser.fromString(inline.toString(), Lang.JSONLD11).parse(jena);
            assertTrue(jena.contains(jena.createResource(cq01), DCTerms.title), "Jena reads the titles: " + jena.size());
            assertTrue(jena.contains(jena.createResource(SERVER.base() + "/api/queries"), jena.createProperty("http://schema.org/itemListElement"),
                    jena.createResource(cq01)), "the list holds the queries");
            // jsonld.js (Node) with the served context resolved to the project's copy of it
            Path file = Files.createTempFile("queries", ".jsonld");
            Files.writeString(file, r.body());
            Process node = new ProcessBuilder("node", home.resolve("tools/node/jsonld-to-nquads.js").toString(), file.toString(),
                    "--context", SERVER.base() + "/context.jsonld=" + home.resolve("ontology/context.jsonld")).redirectErrorStream(true).start();
            String nquads = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "jsonld.js finished");
            Files.delete(file);
            assertEquals(0, node.exitValue(), nquads);
            Model js = ModelFactory.createDefaultModel();
            RDFParser.fromString(nquads, Lang.NQUADS).parse(js);
            assertTrue(js.isIsomorphicWith(jena), "jsonld.js and Jena read the same graph: " + js.size() + " / " + jena.size());
        }
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
                        .base(SERVER.base() + path).parse(m);
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
                assertFalse(doc.select(".error-detail").text().contains("Not Found"), "no bare reason phrase under the title: " + path);
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
    void pageAddressesInAnotherCaseRedirectLikeIdentifiers() throws Exception {
        String[][] moves = {
            {"/page/country/eg", "/page/country/EG"},
            {"/page/country/eg?lang=ar", "/page/country/EG?lang=ar"},
            {"/page/org/EG-NTRA", "/page/org/eg-ntra"},
            {"/page/law/LB/2018/law-81", "/page/law/lb/2018/law-81"},
            {"/page/status/lb/e-transactions/escwa-beirut-2018-report", "/page/status/LB/e-transactions/escwa-beirut-2018-report"},
            {"/id/org/EG-NTRA", "/id/org/eg-ntra"},
            {"/id/country/eg", "/id/country/EG"},
        };
        for (String[] m : moves) {
            HttpResponse<String> r = get(m[0], BROWSER);
            assertEquals(301, r.statusCode(), m[0]);
            assertEquals(SERVER.base() + m[1], r.headers().firstValue("Location").orElseThrow(), m[0]);
            String target = m[1].replaceFirst("\\?.*", "");
            assertEquals(target.startsWith("/id/") ? 303 : 200, get(target, BROWSER).statusCode(), "the target exists: " + target);
        }
        // never to an address that names nothing either
        for (String nothing : List.of("/page/country/zz", "/page/org/NO-SUCH-ORG", "/id/country/zz")) {
            assertEquals(404, get(nothing, BROWSER).statusCode(), nothing);
        }
    }

    @Test
    void searchResultKindsAreNamedInThePageLanguage() throws Exception {
        HttpResponse<String> r = get("/search?q=cybercrime&lang=ar", BROWSER);
        assertEquals(200, r.statusCode());
        String main = Jsoup.parse(r.body()).select("main").text();
        assertTrue(main.contains("مفهوم"), "a concept is called so in Arabic: " + main);
        for (String raw : List.of("TreatyParticipation", "Concept")) {
            assertFalse(main.contains(raw), "a class's bare local name on the Arabic search page: " + raw);
        }
    }

    @Test
    void anEnglishOnlyNameIsShownOnceOnTheArabicPage() throws Exception {
        Document ar = Jsoup.parse(get("/page/person/ayman-el-sherbiny?lang=ar", BROWSER).body());
        assertTrue(ar.selectFirst("h1").text().contains("Ayman El-Sherbiny"), ar.selectFirst("h1").text());
        assertTrue(ar.select(".other-title").isEmpty(), "the fallback title is not repeated as the other-language title: " + ar.select(".other-title").text());
        Document en = Jsoup.parse(get("/page/org/eg-ntra?lang=en", BROWSER).body());
        assertEquals("الجهاز القومي لتنظيم الاتصالات", en.selectFirst(".other-title").text(), "a real other-language name stays");
    }

    @Test
    void aBadQueryFromABrowserGetsTheErrorPageInTheReadersLanguage() throws Exception {
        String bad = "/sparql?query=" + URLEncoder.encode("SELEC ?x WHERE { ?x ?p ?o }", StandardCharsets.UTF_8);
        for (String lang : List.of("en", "ar")) {
            HttpRequest get = SERVER.request(bad).header("Accept", BROWSER).header("Accept-Language", lang).GET().build();
            HttpRequest form = SERVER.request("/sparql").header("Accept", BROWSER).header("Accept-Language", lang)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode("SELEC ?x", StandardCharsets.UTF_8))).build();
            for (HttpRequest request : List.of(get, form)) {
                HttpResponse<String> r = SERVER.send(request);
                String what = request.method() + " " + lang;
                assertEquals(400, r.statusCode(), what);
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), what + ": " + r.body());
                Document doc = Jsoup.parse(r.body());
                assertEquals(lang, doc.selectFirst("html").attr("lang"), what);
                assertFalse(doc.select("header.site nav a[href=/query]").isEmpty(), "the site's layout: " + what);
                assertTrue(doc.select("bdi[lang=en]").text().contains("Lexical error"), "the parser's reason: " + doc.text());
                assertTrue(doc.selectFirst("h1").text().contains("ar".equals(lang) ? "تعذّر فهم الطلب" : "Request not understood"), doc.text());
            }
        }
        // a program still gets the reason as text, and so does the query page's editor
        for (String accept : List.of("*/*", "application/sparql-results+json", "application/sparql-results+json,*/*;q=0.9")) {
            HttpResponse<String> r = get(bad, accept);
            assertEquals(400, r.statusCode(), accept);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), accept);
            assertTrue(r.body().contains("Lexical error"), r.body());
        }
        // a good query from a browser is not touched
        HttpResponse<String> good = get("/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), BROWSER);
        assertEquals(200, good.statusCode(), good.body());
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
    void foldersKeepTheirSlashAndTheirAddressWithoutItRedirects() throws Exception {
        for (String folder : List.of("/dumps/", "/api/docs/", "/api/v1/docs/")) {
            HttpResponse<String> page = get(folder, BROWSER);
            assertEquals(200, page.statusCode(), folder);
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), folder);
            String bare = folder.substring(0, folder.length() - 1);
            HttpResponse<String> r = get(bare + "?lang=ar", BROWSER);
            assertEquals(301, r.statusCode(), bare);
            assertEquals(SERVER.base() + folder + "?lang=ar", r.headers().firstValue("Location").orElseThrow(), bare);
        }
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
