package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 1–2: hostile queries get one clear answer before they can flood the log or
 * outlive the time limit (the shared test server's limit is 5 s, as in production).
 */
class HostileQueryTest {
    /** A loopback port nothing listens on: a SERVICE call there would fail once per row. */
    static final String NOWHERE = "http://127.0.0.1:1/u";

    @org.junit.jupiter.api.BeforeAll
    static void startTheSharedServer() {
        TestServer.shared();  // built and started before anything is timed
    }

    static HttpResponse<String> get(String query) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build());
    }

    static HttpRequest post(String query) {
        return HttpRequest.newBuilder(URI.create(TestServer.base() + "sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(query)).build();
    }

    @Test
    void serviceAnywhereInTheQueryIsRefusedBeforeItRuns() {
        List<String> hidden = List.of(
                "SELECT * { ?x ?q ?y FILTER NOT EXISTS { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } }",
                "SELECT * { ?x ?q ?y FILTER EXISTS { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } }",
                "SELECT * { ?x ?q ?y OPTIONAL { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } }",
                "SELECT * { ?x ?q ?y MINUS { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } }",
                "SELECT * { ?x ?q ?y { SELECT ?x { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } LIMIT 1 } }",
                "SELECT * { ?x ?q ?y BIND(EXISTS { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } AS ?b) }",
                "SELECT * { ?x ?q ?y } ORDER BY (NOT EXISTS { SERVICE SILENT <" + NOWHERE + "> { ?x ?p ?o } })",
                "SELECT ?x (COUNT(*) AS ?n) { ?x ?q ?y } GROUP BY ?x HAVING (EXISTS { GRAPH ?g { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } })",
                "ASK { { ?x ?q ?y } UNION { { SERVICE <" + NOWHERE + "> { ?x ?p ?o } } } }");
        for (String q : hidden) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(q);
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(403, r.statusCode(), q + " -> " + r.body());
            assertTrue(r.body().contains("SERVICE <" + NOWHERE + "> is not allowed"), r.body());
            assertTrue(ms < 5000, "refused before running, took " + ms + " ms: " + q);
        }
        HttpResponse<String> variable = get("SELECT * { ?x ?q ?y FILTER NOT EXISTS { SERVICE ?x { ?x ?p ?o } } }");
        assertEquals(403, variable.statusCode(), variable.body());
        assertTrue(variable.body().contains("variable endpoint"), variable.body());
        HttpResponse<String> byPost = TestServer.send(post(hidden.get(0)));
        assertEquals(403, byPost.statusCode(), byPost.body());
        // a query without SERVICE still runs, also by POST (the guard hands the body on)
        HttpResponse<String> fine = TestServer.send(post("SELECT (COUNT(*) AS ?n) { ?x ?q ?y FILTER NOT EXISTS { ?x a ?t } }"));
        assertEquals(200, fine.statusCode(), fine.body());
        assertTrue(fine.body().startsWith("n\r\n"), fine.body());
    }

    static final String REGEX_ATTACK = "SELECT * { BIND(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" AS ?s) FILTER REGEX(?s, \"(.*a){12}$\") }";

    @Test
    void catastrophicRegexStopsAtTheTimeLimit() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(REGEX_ATTACK);
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        System.out.println("[issue12] REGEX attack under a 5 s limit: " + r.statusCode() + " in " + ms + " ms");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(ms < 9000, "answered near the 5 s limit, took " + ms + " ms");

        String replace = "SELECT (REPLACE(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaab\", \"(.*a){12}$\", \"x\") AS ?r) {}";
        long t1 = System.nanoTime();
        HttpResponse<String> rr = get(replace);
        long ms1 = Duration.ofNanos(System.nanoTime() - t1).toMillis();
        assertEquals(503, rr.statusCode(), rr.body());
        assertTrue(ms1 < 9000, "REPLACE stopped near the limit, took " + ms1 + " ms");

        List<CompletableFuture<HttpResponse<String>>> three = new ArrayList<>();
        long t2 = System.nanoTime();
        for (int i = 0; i < 3; i++) three.add(TestServer.CLIENT.sendAsync(post(REGEX_ATTACK), HttpResponse.BodyHandlers.ofString()));
        for (CompletableFuture<HttpResponse<String>> f : three) assertEquals(503, f.get().statusCode());
        long ms2 = Duration.ofNanos(System.nanoTime() - t2).toMillis();
        System.out.println("[issue12] 3 concurrent REGEX attacks under a 5 s limit: all 503 after " + ms2 + " ms");
        assertTrue(ms2 < 12000, "three at once all stopped near the limit, took " + ms2 + " ms");

        // a harmless regex still matches
        HttpResponse<String> ok = get("SELECT ?s { BIND(\"Lebanon\" AS ?s) FILTER REGEX(?s, \"^leb\", \"i\") }");
        assertEquals("s\r\nLebanon\r\n", ok.body());
    }

    @Test
    void oversizedAndPathologicalQueriesAreRefusedWithAReason() {
        // a 20 MB body: refused from its length, not parsed
        long t0 = System.nanoTime();
        String huge = "SELECT * { ?s ?p ?o } #" + "x".repeat(20_000_000);
        HttpResponse<String> big = TestServer.send(post(huge));
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        System.out.println("[issue12] 20 MB query body: " + big.statusCode() + " in " + ms + " ms");
        assertEquals(413, big.statusCode(), big.body());
        assertTrue(big.body().contains("too large"), big.body());
        assertTrue(ms < 10000, "refused quickly, took " + ms + " ms");

        String longQuery = "SELECT * { ?s ?p ?o } #" + "x".repeat(ServerLimits.DEFAULTS.maxQueryChars());
        HttpResponse<String> form = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(longQuery, StandardCharsets.UTF_8))).build());
        assertEquals(413, form.statusCode(), form.body());
        assertTrue(form.body().contains("too long"), form.body());

        HttpResponse<String> deep = TestServer.send(post("SELECT * {" + "{".repeat(20_000) + "}".repeat(20_000) + "}"));
        assertEquals(400, deep.statusCode(), deep.body());
        assertTrue(deep.body().contains("nested too deeply"), deep.body());
        HttpResponse<String> deepExpr = TestServer.send(post("SELECT * { FILTER(" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ") }"));
        assertEquals(400, deepExpr.statusCode(), deepExpr.body());
        assertTrue(deepExpr.body().contains("nested too deeply"), deepExpr.body());

        // 10,000 UNION branches fit in the length limit but not in the nesting limit
        HttpResponse<String> union = TestServer.send(post("SELECT * {" + String.join("UNION", java.util.Collections.nCopies(10_000, "{}")) + "}"));
        assertEquals(400, union.statusCode(), union.body());
        assertTrue(union.body().contains("nested too deeply"), union.body());
        HttpResponse<String> union20k = TestServer.send(post("SELECT * {" + String.join(" UNION ", java.util.Collections.nCopies(20_000, "{?s ?p ?o}")) + "}"));
        assertEquals(413, union20k.statusCode(), union20k.body());
    }
}
