package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages served by the real server (TDB2 store, the project's Fuseki configuration, port 0). */
class PagesServerTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(tmp);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET following redirects by hand (so a crawl can count every request); at most 5 hops. */
    static HttpResponse<String> follow(String path, int[] requests) throws IOException, InterruptedException {
        String p = path;
        for (int hop = 0; hop < 5; hop++) {
            requests[0]++;
            HttpResponse<String> r = get(p);
            if (r.statusCode() / 100 != 3) return r;
            String loc = r.headers().firstValue("Location").orElseThrow();
            URI u = URI.create(server.base + "/").resolve(loc);
            p = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        throw new AssertionError("too many redirects from " + path);
    }

    @Test
    void languageFromAcceptLanguageThenParameterThenCookie() throws Exception {
        HttpResponse<String> ar = get("/page/country/LB", "Accept-Language", "fr;q=1, ar-LB;q=0.9, en;q=0.4");
        assertEquals(200, ar.statusCode());
        assertEquals("ar", ar.headers().firstValue("Content-Language").orElseThrow());
        assertTrue(String.join(",", ar.headers().allValues("Vary")).contains("Accept-Language"), ar.headers().allValues("Vary").toString());
        Document doc = Jsoup.parse(ar.body());
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertEquals("لبنان", doc.selectFirst("h1 bdi").text());

        HttpResponse<String> en = get("/page/country/LB?lang=en", "Accept-Language", "ar");
        assertEquals("en", en.headers().firstValue("Content-Language").orElseThrow());
        String cookie = en.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(LanguageNegotiator.COOKIE + "=en"), cookie);

        HttpResponse<String> remembered = get("/page/country/LB", "Accept-Language", "ar", "Cookie", LanguageNegotiator.COOKIE + "=en");
        assertEquals("en", remembered.headers().firstValue("Content-Language").orElseThrow());

        HttpResponse<String> none = get("/page/country/LB");
        assertEquals("en", none.headers().firstValue("Content-Language").orElseThrow());
    }

    @Test
    void idRedirectKeepsTheLanguageAndPagesAreCachedByRelease() throws Exception {
        HttpResponse<String> see = get("/id/country/LB?lang=ar", "Accept", "text/html");
        assertEquals(303, see.statusCode());
        String location = see.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/page/country/LB?lang=ar"), location);

        HttpResponse<String> page = get("/page/law/lb/2018/law-81?lang=en");
        assertEquals(200, page.statusCode());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertTrue(page.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
        HttpResponse<String> again = get("/page/law/lb/2018/law-81?lang=en", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        HttpResponse<String> arabic = get("/page/law/lb/2018/law-81?lang=ar", "If-None-Match", etag);
        assertEquals(200, arabic.statusCode(), "another language is another representation");
    }

    @Test
    void clientErrorsAreAnsweredWithAReasonInThePageLanguage() throws Exception {
        HttpResponse<String> unknown = get("/page/country/ZZ?lang=ar");
        assertEquals(404, unknown.statusCode());
        assertEquals("rtl", Jsoup.parse(unknown.body()).selectFirst("html").attr("dir"));
        HttpResponse<String> badPage = get("/page/country/LB?page=abc");
        assertEquals(400, badPage.statusCode());
        assertTrue(badPage.body().contains("page must be a whole number"), badPage.body());
        assertFalse(badPage.body().contains("Exception"));
        HttpResponse<String> badExample = get("/query?example=no-such-query");
        assertEquals(404, badExample.statusCode());
        assertTrue(badExample.body().contains("no example query named"));
        int traversal = get("/static/..%2Ftemplates%2Fbase.peb").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "traversal refused: " + traversal);
        assertEquals(404, get("/static/nothing.css").statusCode());
    }

    @Test
    void staticFilesAreServed() throws Exception {
        HttpResponse<String> css = get("/static/sijill.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertTrue(css.body().contains("margin-inline-start"));
        HttpResponse<String> editor = get("/static/yasgui/yasgui.min.js");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("Yasqe"));
    }

    static final java.util.Set<String> NOT_IN_THIS_SERVER = java.util.Set.of("/dumps/", "/search");

    /** The landing page and one page per type, and every own link on them, answer without a 404. */
    @Test
    void crawlFindsNoBrokenOwnLinks() throws Exception {
        List<String> seeds = List.of("/", "/?lang=ar", "/page/country/LB?lang=ar", "/page/country/LB?lang=en",
                "/page/law/lb/2018/law-81", "/page/org/lb-lu-legal-informatics-centre",
                "/page/document/escwa-beirut-2018-report", "/page/concept/law-topic/personal-data-protection",
                "/page/document/escwa-beirut-2018-report/p/21", "/page/status/LB/personal-data-protection/unctad-cyberlaw-tracker-2026",
                "/page/ontology", "/query", "/query?example=laws-by-country");
        int[] requests = {0};
        Map<String, Integer> broken = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : seeds) {
            HttpResponse<String> r = follow(s, requests);
            assertEquals(200, r.statusCode(), s);
            seen.add(s);
            Document doc = Jsoup.parse(r.body(), server.base + s);
            List<String> links = new ArrayList<>();
            for (Element a : doc.select("a[href], link[href], script[src]")) {
                String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (!href.startsWith("/") || href.startsWith("//")) continue;
                int hash = href.indexOf('#');
                if (hash >= 0) href = href.substring(0, hash);
                if (!href.isEmpty()) links.add(href);
            }
            assertFalse(links.isEmpty(), "links on " + s);
            for (String l : links) if (!seen.contains(l) && !queue.contains(l)) queue.add(l);
        }
        int checked = 0;
        while (!queue.isEmpty() && requests[0] < 200) {
            String l = queue.poll();
            if (!seen.add(l)) continue;
            int status = follow(l, requests).statusCode();
            checked++;
            // this server has the pages only: the header's Downloads and Search are other modules' routes
            if (status != 200 && !NOT_IN_THIS_SERVER.contains(l)) broken.put(l, status);
        }
        assertTrue(checked >= 20, "checked " + checked + " links");
        assertTrue(queue.isEmpty(), "the crawl stayed within 200 requests; left: " + queue);
        assertTrue(broken.isEmpty(), "broken own links: " + broken);
    }

    @Test
    void everyPageTypeCarriesSchemaOrgJsonLd() throws Exception {
        Map<String, String> expected = Map.of("/", "Dataset", "/page/country/LB", "Country",
                "/page/law/lb/2018/law-81", "Legislation", "/page/org/lb-lu-legal-informatics-centre", "Organization");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Document doc = Jsoup.parse(get(e.getKey()).body());
            Element script = doc.selectFirst("script[type=application/ld+json]");
            assertNotNull(script, e.getKey());
            var json = org.apache.jena.atlas.json.JSON.parse(script.data());
            assertEquals(e.getValue(), json.get("@type").getAsString().value(), e.getKey());
            assertEquals("http://schema.org/", json.get("@context").getAsString().value());
        }
    }
}
