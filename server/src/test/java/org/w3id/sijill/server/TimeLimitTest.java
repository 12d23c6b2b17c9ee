package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deliberately heavy query (a cross product over 10^5 triples, 10^10 rows to count) is stopped at
 * the time limit (1 s here, from the command-line override) and answered 503 with a reason, while
 * pings keep being answered. Also the admin statistics behind basic auth when a password is set.
 */
class TimeLimitTest {
    static SijillServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(1000, 100)).port(0)
                .timeout(Duration.ofSeconds(1)).adminPassword("s3cret-for-test").build().start();
        base = "http://localhost:" + server.port() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void aHeavyQueryIsStoppedWhilePingsAreAnswered() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y FILTER(?x + ?y < 0) }";
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build();
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> pending = TestServer.CLIENT.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        int pings = 0;
        while (!pending.isDone() && pings < 100) {
            long p0 = System.nanoTime();
            HttpResponse<String> ping = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/ping"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - p0).toMillis() < 2000, "ping answered promptly during the heavy query");
            pings++;
            Thread.sleep(100);
        }
        HttpResponse<String> r = pending.get();
        long elapsedMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("timed out") || r.body().toLowerCase().contains("time"), r.body());
        assertTrue(elapsedMs < 15_000, "stopped within bounds, took " + elapsedMs + " ms");
        assertTrue(pings >= 1, "at least one ping went through while the query ran");
    }

    @Test
    void adminStatisticsNeedTheCredentials() throws Exception {
        HttpResponse<String> anon = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anon.statusCode(), anon.body());
        assertTrue(anon.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/stats")).header("Authorization", wrong).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        String right = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret-for-test".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> ok = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/stats")).header("Authorization", right).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("sparql"), ok.body());
        assertEquals(401, TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> metrics = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "$/metrics")).header("Authorization", right).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("fuseki_requests"), metrics.body().substring(0, Math.min(500, metrics.body().length())));
    }
}
